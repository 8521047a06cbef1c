// Decorator: lists the root `servers` (the local mock) after each path's own `servers` (its service's
// real host), so the real host is written once per path file, the mock once at the root, and a
// reader or a generated client of any path sees both.

/** A path item's servers followed by each root server it does not list yet (same URL). */
export function withRootServers(pathServers, rootServers) {
  const listed = new Set(pathServers.map((server) => server.url));
  return [...pathServers, ...rootServers.filter((server) => !listed.has(server.url)).map((server) => structuredClone(server))];
}

export function mockServer() {
  let rootServers = [];
  return {
    Root: {
      enter(root) {
        rootServers = Array.isArray(root.servers) ? root.servers : [];
      },
    },
    PathItem: {
      leave(pathItem) {
        // Without servers of its own a path item already inherits the root's (webhooks have none to call).
        if (Array.isArray(pathItem.servers)) pathItem.servers = withRootServers(pathItem.servers, rootServers);
      },
    },
  };
}

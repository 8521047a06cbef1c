// Decorator: makes the contract's machine-readable vendor extensions visible to readers of the docs:
// x-permission (scope + resource rule), x-coming-soon and the published pages' x-badges on
// operations, x-extension wherever it appears.

export const COMING_SOON_SENTENCE =
  '**Coming Soon**: this endpoint is planned for a future release and is not yet available.';

const RESOURCE_NOUNS = { account: 'account', rule: 'rule' };

const code = (text) => `\`${text}\``;

/**
 * One Markdown paragraph saying which scope an operation needs and which resource the key's entry
 * for that scope must allow.
 * @param {{scope: string, resource?: Record<string, any>}} permission the operation's x-permission
 * @param {Array<{scope: string, resources: string}>} scopes the root x-scopes
 */
export function renderPermission(permission, scopes = []) {
  const { scope, resource } = permission;
  const kind = scopes.find((entry) => entry.scope === scope)?.resources;
  const noun = RESOURCE_NOUNS[kind] ?? 'resource';
  const allowed = `must be in the ${code(scope)} resources of the key (or the key's entry is ${code('*')}); otherwise the answer is 403`;
  const head = `**Permission:** the API key needs the ${code(scope)} scope.`;

  if (!resource) {
    return `${head} Resource rule: none, the scope alone grants access.`;
  }
  switch (resource.in) {
    case 'path':
      return `${head} Resource rule: the ${noun} ID in the path parameter ${code(resource.name)} ${allowed}.`;
    case 'query':
      return `${head} Resource rule: the query parameter ${code(resource.name)} is required, and its ${noun} ID ${allowed}.`;
    case 'response': {
      const pointers = (resource.pointers ?? []).map(code).join(', ');
      return `${head} Resource rule: the ${noun} ID found in the response at ${pointers} ${allowed}.`;
    }
    case 'body':
      return (
        `${head} Resource rule: the body's source account (${code(resource.source)}) and destination account ` +
        `(${code(resource.target)}) must match one of the key's ${code(scope)} transfer sets ` +
        `(${code('{ source, target, max_amount? }')}), and the amount (${code(resource.amount)}) must not exceed ` +
        `that set's ${code('max_amount')} when it has one; otherwise the answer is 403.`
      );
    default:
      return `${head} Resource rule: ${code(JSON.stringify(resource))}.`;
  }
}

/** The note shown for an `x-extension` reason. */
export function renderExtension(reason) {
  return `**Contract extension** (beyond the published docs): ${String(reason).trim()}`;
}

/**
 * The sentence that names the markers the published pages print beside an operation (Redoc's
 * `x-badges`, such as `v2`), for renderers and readers that do not show badges.
 * @param {Array<{name: string}>} badges
 */
export function renderBadges(badges) {
  const names = badges.map((badge) => `**${badge.name}**`).join(', ');
  return `**Marked on the published reference:** ${names}.`;
}

/** Appends a Markdown paragraph to a description unless it is already there (decorators may run twice). */
export function appendParagraph(description, paragraph) {
  const current = (description ?? '').trimEnd();
  if (current.includes(paragraph)) return description ?? '';
  return current ? `${current}\n\n${paragraph}\n` : `${paragraph}\n`;
}

/** Ensures the Coming Soon sentence opens the description, as the contract conventions require. */
export function withComingSoon(description) {
  const current = description ?? '';
  return current.trimStart().startsWith('**Coming Soon**')
    ? current
    : `${COMING_SOON_SENTENCE}\n\n${current}`.trimEnd() + '\n';
}

const COMING_SOON_BADGE = { name: 'Coming Soon', color: '#b35c00' };

/** Node types whose `description` is shown by the renderer, so an x-extension note there is seen. */
const DESCRIBED_TYPES = ['Tag', 'Parameter', 'Header', 'Response', 'Example', 'Schema', 'RequestBody', 'SecurityScheme'];

export function extensionNotes() {
  let scopes = [];

  const noteExtension = {
    leave(node) {
      if (node && typeof node === 'object' && node['x-extension'] !== undefined) {
        node.description = appendParagraph(node.description, renderExtension(node['x-extension']));
      }
    },
  };

  return {
    Root: {
      enter(root) {
        scopes = Array.isArray(root['x-scopes']) ? root['x-scopes'] : [];
      },
    },
    Operation: {
      leave(operation) {
        // The source's own badges are the published pages' markers; Coming Soon is added below.
        const published = (operation['x-badges'] ?? []).filter((badge) => badge.name !== COMING_SOON_BADGE.name);
        if (published.length > 0) operation.description = appendParagraph(operation.description, renderBadges(published));
        if (operation['x-coming-soon'] === true) {
          operation.description = withComingSoon(operation.description);
          const badges = operation['x-badges'] ?? [];
          if (!badges.some((badge) => badge.name === COMING_SOON_BADGE.name)) {
            operation['x-badges'] = [...badges, { ...COMING_SOON_BADGE }];
          }
        }
        if (operation['x-permission']?.scope) {
          operation.description = appendParagraph(operation.description, renderPermission(operation['x-permission'], scopes));
        }
        noteExtension.leave(operation);
      },
    },
    ...Object.fromEntries(DESCRIBED_TYPES.map((type) => [type, noteExtension])),
  };
}

// Decorator: appends an "Authentication" section to info.description, built from the security
// schemes (and the Rules scope table from x-scopes), so readers find every scheme and the full
// scope table once, in one place, whatever the renderer does with per-operation security.
import { renderScopeTable } from './scope-table.js';

export const AUTH_HEADING = '## Authentication';

const HOW_TO_SEND = {
  apiKey: (scheme) => `API key in the \`${scheme.name}\` ${scheme.in}.`,
  http: (scheme) => `HTTP \`${scheme.scheme}\` authentication: \`Authorization: ${capitalize(scheme.scheme)} <token>\`.`,
};

function capitalize(text) {
  return `${String(text).charAt(0).toUpperCase()}${String(text).slice(1)}`;
}

/**
 * @param {Record<string, {type: string, name?: string, in?: string, scheme?: string, description?: string}>} schemes
 * @param {Array<{scope: string, resources: string, grants: string}> | undefined} scopes root x-scopes
 */
export function renderAuthSection(schemes, scopes) {
  const table = Array.isArray(scopes) ? renderScopeTable(scopes) : undefined;
  const inline = Object.entries(schemes).filter(([, scheme]) => scheme && typeof scheme === 'object' && !('$ref' in scheme));
  const sections = inline.map(([name, scheme]) => {
    const how = HOW_TO_SEND[scheme.type]?.(scheme) ?? `Type \`${scheme.type}\`.`;
    let description = (scheme.description ?? '').trim();
    // The scope table belongs to the scheme whose requirements list scopes (ApiKeyAuth).
    if (table && scheme.type === 'apiKey' && !description.includes(table)) {
      description = `${description}\n\n${table}`.trim();
    }
    return `### ${name}\n\n${how}\n\n${description}`.trim();
  });
  return `${AUTH_HEADING}\n\n${sections.join('\n\n')}\n`;
}

export function authSection() {
  return {
    Root: {
      leave(root) {
        const schemes = root.components?.securitySchemes;
        if (!root.info || !schemes || Object.keys(schemes).length === 0) return;
        const description = root.info.description ?? '';
        if (description.includes(AUTH_HEADING)) return;
        root.info.description = `${description.trimEnd()}\n\n${renderAuthSection(schemes, root['x-scopes'])}`;
      },
    },
  };
}

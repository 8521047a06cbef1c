// Renders the root `x-scopes` list as a Markdown table in the ApiKeyAuth scheme's description,
// so the scope table is written once (machine-readable) and still shown to readers.

const RESOURCE_LABELS = {
  none: 'none',
  account: 'account IDs or *',
  rule: 'rule IDs or *',
  transfer_set: 'list of { source, target, max_amount? } sets',
};

/** @param {Array<{scope: string, resources: string, grants: string, 'x-extension'?: string}>} scopes */
export function renderScopeTable(scopes) {
  const rows = scopes.map(({ scope, resources, grants, 'x-extension': extension }) => {
    const label = RESOURCE_LABELS[resources] ?? resources;
    const note = extension ? ` (extension: ${extension})` : '';
    return `| \`${scope}\` | ${label} | ${grants}${note} |`;
  });
  return ['| Scope | Resources | Grants access to |', '|---|---|---|', ...rows].join('\n');
}

export function scopeTable() {
  return {
    Root: {
      leave(root) {
        const scheme = root.components?.securitySchemes?.ApiKeyAuth;
        if (!scheme || !Array.isArray(root['x-scopes'])) return;
        scheme.description = `${scheme.description.trimEnd()}\n\n${renderScopeTable(root['x-scopes'])}\n`;
      },
    },
  };
}

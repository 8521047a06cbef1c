// Makes the page build-docs writes self-contained: no script, image or telemetry from another host.

/**
 * The renderer's sidebar shows the Redocly logo from Redocly's CDN and offers no option to turn it
 * off, so the build points it at an inline image instead. The "API docs by Redocly" text stays.
 */
export const REDOCLY_LOGO_URLS = [
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg',
  'https://cdn.redoc.ly/redoc/logo-mini.svg',
] as const;

const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="16" viewBox="0 0 56 16">' +
  '<text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="600" fill="#555">Redocly</text></svg>';

export const INLINE_LOGO = `data:image/svg+xml,${encodeURIComponent(LOGO_SVG)}`;

/** What build-docs writes when it loads Redoc from the CDN instead of embedding it (no --inlineBundle). */
const CDN_RENDERER = /https:\/\/cdn\.redocly\.com\/redoc\/v[^"'\s]*\/redoc\.standalone\.js/;
/** What build-docs writes when telemetry is left on (REDOCLY_TELEMETRY not `off`). */
const TELEMETRY_ON = /"disableTelemetry"\s*:\s*false/;

export class OfflinePageError extends Error {}

/**
 * Replaces the remote logo with an inline one and checks that the page neither loads the renderer
 * from the CDN nor enables telemetry. Throws an OfflinePageError saying what to fix otherwise.
 */
export function makeOffline(html: string): { html: string; replacedLogos: number } {
  const cdnRenderer = CDN_RENDERER.exec(html);
  if (cdnRenderer) {
    throw new OfflinePageError(
      `the page loads the renderer from ${cdnRenderer[0]}: run build-docs with --inlineBundle`,
    );
  }
  if (TELEMETRY_ON.test(html)) {
    throw new OfflinePageError(
      'the page has Redoc telemetry on ("disableTelemetry":false): run build-docs with REDOCLY_TELEMETRY=off',
    );
  }
  let replacedLogos = 0;
  let result = html;
  for (const url of REDOCLY_LOGO_URLS) {
    const parts = result.split(url);
    replacedLogos += parts.length - 1;
    result = parts.join(INLINE_LOGO);
  }
  return { html: result, replacedLogos };
}

// The build step that keeps the docs page from reaching any other host.
import { describe, expect, it } from 'vitest';

import { INLINE_LOGO, makeOffline, OfflinePageError, REDOCLY_LOGO_URLS } from '../../src/docs/offline.js';

describe('makeOffline', () => {
  it('replaces the remote Redocly logo with an inline image and leaves the rest alone', () => {
    const html = `<p>docs</p><script>src:e?\`${REDOCLY_LOGO_URLS[0]}\`:\`${REDOCLY_LOGO_URLS[1]}\`</script>`;
    const { html: offline, replacedLogos } = makeOffline(html);
    expect(replacedLogos).toBe(2);
    expect(offline).toBe(`<p>docs</p><script>src:e?\`${INLINE_LOGO}\`:\`${INLINE_LOGO}\`</script>`);
    expect(offline).not.toContain('cdn.redoc.ly');
  });

  it('refuses a page that imports the renderer from the CDN', () => {
    const html = '<script type="module">import { hydrate } from "https://cdn.redocly.com/redoc/v3.0.1/bundles/redoc.standalone.js";</script>';
    expect(() => makeOffline(html)).toThrow(OfflinePageError);
    expect(() => makeOffline(html)).toThrow(/--inlineBundle/);
  });

  it('refuses a page with telemetry on', () => {
    const html = 'const __redoc_options = {"skipBundle":true,"disableTelemetry":false};';
    expect(() => makeOffline(html)).toThrow(/REDOCLY_TELEMETRY=off/);
  });
});

import { describe, expect, it } from 'vitest';
import { buildPanelHtml, contentSecurityPolicy, makeNonce } from '../../../src/extension/panel/html';

const input = () => ({
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: makeNonce(),
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
  codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicon.css',
});

describe('panel HTML', () => {
  it('puts a strict CSP meta first in <head>', () => {
    const i = input();
    const html = buildPanelHtml(i);
    const head = html.slice(html.indexOf('<head>'), html.indexOf('</head>'));
    const firstTags = head.match(/<meta[^>]*>/g)!;
    expect(firstTags[0]).toBe('<meta charset="utf-8">');
    expect(firstTags[1]).toContain('http-equiv="Content-Security-Policy"');
    const csp = contentSecurityPolicy(i.cspSource, i.nonce);
    expect(csp).toBe(`default-src 'none'; style-src ${i.cspSource} 'nonce-${i.nonce}'; script-src 'nonce-${i.nonce}'; font-src ${i.cspSource}; img-src ${i.cspSource} data:`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
  it('gives every script and stylesheet the nonce and loads only the given URIs', () => {
    const i = input();
    const html = buildPanelHtml(i);
    const scripts = html.match(/<script[^>]*>/g)!;
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toBe(`<script nonce="${i.nonce}" src="${i.scriptUri}">`);
    for (const link of html.match(/<link[^>]*>/g)!) expect(link).toContain(`nonce="${i.nonce}"`);
    expect(html).toContain(`href="${i.codiconUri}"`);
    expect(html).toContain('id="vscode-codicon-stylesheet"');
  });
  it('has no inline handlers, inline styles, inline script bodies or data', () => {
    const html = buildPanelHtml(input());
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).toMatch(/<script[^>]*><\/script>/);
  });
  it('draws a fresh 16-byte nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64')).toHaveLength(16);
  });
  it('escapes attribute values', () => {
    const html = buildPanelHtml({ ...input(), scriptUri: 'x" onload="alert(1)' });
    expect(html).toContain('src="x&quot; onload=&quot;alert(1)"');
  });
});

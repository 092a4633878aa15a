// The panel's HTML: a CSP meta with a fresh nonce first in <head>, external script and styles only, no data
// (rows arrive by postMessage after `ready`), no inline handlers or style attributes (VS Code webview guide, "Content security policy": https://code.visualstudio.com/api/extension-guides/webview).
import { randomBytes } from 'node:crypto';

export interface PanelHtmlInput {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
}

/** 16 random bytes, base64 (crypto RNG, not the Math.random of the webview samples). */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function buildPanelHtml(input: PanelHtmlInput): string {
  const nonce = attr(input.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Liquidation Lens</title>
<link rel="stylesheet" nonce="${nonce}" id="vscode-codicon-stylesheet" href="${attr(input.codiconUri)}">
<link rel="stylesheet" nonce="${nonce}" href="${attr(input.styleUri)}">
</head>
<body>
<div id="app" class="app" aria-busy="true"></div>
<script nonce="${nonce}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}

/** How each copy format reads in menus and toasts. Shapes only: `…` stands where the value goes. */
import { DEFAULT_HTTP_HEADER, HTTP_HEADER_LABELS, type CopyFormat } from '../../../shared/copy-format';
import type { HttpHeaderStyle } from '../../../shared/types';

/** The menu item: "Copy key", "Copy as MCP_API_KEY=…", "Copy as HTTP header". */
export function copyFormatLabel(format: CopyFormat, envVar: string): string {
  switch (format) {
    case 'key':
      return 'Copy key';
    case 'env':
      return `Copy as ${envVar}=…`;
    case 'header':
      return 'Copy as HTTP header';
  }
}

/** What lands on the clipboard, with `masked` (e.g. `mcp_sk_…abcd`) in place of the value. */
export function copyFormatShape(format: CopyFormat, envVar: string, masked: string, header: HttpHeaderStyle | undefined): string {
  switch (format) {
    case 'key':
      return masked;
    case 'env':
      return `${envVar}=${masked}`;
    case 'header':
      return HTTP_HEADER_LABELS[header ?? DEFAULT_HTTP_HEADER].replace('<key>', masked);
  }
}

/** Read after "Copied" in the toast: '' for the bare key. */
export function copiedWhat(format: CopyFormat, envVar: string): string {
  switch (format) {
    case 'key':
      return '';
    case 'env':
      return `as ${envVar}=…`;
    case 'header':
      return 'as HTTP header';
  }
}

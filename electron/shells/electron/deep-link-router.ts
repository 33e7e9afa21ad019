// Where a `magna-console://` link arrives in the main process — the command line of the first
// launch, a second launch's command line (Windows, Linux), macOS's open-url — and where it goes:
// validated by the one parser (api/deep-links.ts), then opened in the running console as a hash
// route. A link that does not parse is logged (quoted, shortened) and ignored, never acted on.
import { deepLinkArgument, parseDeepLink, toLinkRoute } from '../../api/deep-links';

export type DeepLinkTarget = {
  /** Show `route` in the console window (send it to a loaded page, or load the page on it). */
  open: (route: string) => void;
  warn: (message: string) => void;
};

export class DeepLinkRouter {
  /** A link that arrived before there was a window to show it in (first launch, macOS open-url before ready). */
  private pending: string | null = null;
  private target: DeepLinkTarget | null = null;

  /** Handles one URL; true when it was a console link (opened now, or on attach). */
  handle(url: string): boolean {
    const link = parseDeepLink(url);
    if (!link) {
      const shown = JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url);
      (this.target?.warn ?? console.warn)(`ignored a link that is not a console link: ${shown}`);
      return false;
    }
    const route = toLinkRoute(link);
    if (this.target) this.target.open(route);
    else this.pending = route;
    return true;
  }

  /** Handles the link on a command line, if there is one. */
  handleArgv(argv: readonly string[]): boolean {
    const url = deepLinkArgument(argv);
    return url !== null && this.handle(url);
  }

  /** From now on links open in `target`; returns the route a link asked for before, if any. */
  attach(target: DeepLinkTarget): string | null {
    this.target = target;
    const route = this.pending;
    this.pending = null;
    return route;
  }
}

// Which home page a signed-in user gets: the phone flow for inspectors, the desktop workbench for everyone else.
import type { Api } from '../api';
import type { Me, UiConfig } from '../api-types';
import { InspectorHome } from './inspector/InspectorHome';
import { Workbench } from './workbench/Workbench';
import { canOpenDashboard, isDashboardHash } from './dashboard/access';
import { DashboardView } from './dashboard/DashboardView';

/** A page of the app: mounted into the root, destroyed when the app moves on. */
export type View = { mount(parent: HTMLElement): void; destroy(): void };

export type HomeContext = {
  api: Api;
  me: Me;
  /** Null when /api/config could not be read: maps then run without a base map. */
  config: UiConfig | null;
  onLogout: () => Promise<void>;
  /** A request answered 401: the session ended elsewhere or expired. */
  onSessionExpired: () => void;
};

export function homeView(ctx: HomeContext): View {
  switch (ctx.me.role) {
    case 'inspector':
      return new InspectorHome(ctx);
    default:
      return new Workbench(ctx);
  }
}

/** The page the address asks for: the dashboard (#/dashboard) for the roles that may read it, else the home page. */
export function viewForAddress(ctx: HomeContext): View {
  if (isDashboardHash(location.hash)) {
    if (canOpenDashboard(ctx.me.role)) return new DashboardView(ctx);
    // Not for this role: drop the address without a new history entry, so a reload lands home too.
    history.replaceState(null, '', location.pathname + location.search);
  }
  return homeView(ctx);
}

// Which home page a signed-in user gets: the phone flow for inspectors, the desktop workbench for everyone else.
import type { Api } from '../api';
import type { Me, UiConfig } from '../api-types';
import { MapView } from './MapView';

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
      return new MapView(ctx);
    default:
      return new MapView(ctx);
  }
}

// What every screen needs: the database, the sync scheduler and the enrolled session.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PatrolDb } from './db/db';
import type { Session } from './db/meta';
import type { Scheduler } from './sync/scheduleSync';
import type { Locale } from '../shared/i18n';

export interface AppServices {
  db: PatrolDb;
  scheduler: Scheduler;
  session: Session;
  setLocale: (locale: Locale) => void;
  /** After enrolling again (a revoked phone): the new session, same data. */
  setSession: (session: Session) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (!services) throw new Error('useApp() outside an enrolled session');
  return services;
}

/** Labels stored as {zh, en} pick the active language. */
export function localName(name: { zh: string; en: string }, locale: Locale): string {
  return locale === 'zh-CN' ? name.zh : name.en;
}

/**
 * Where the enrolled person works: a community (its members, leads and office), the street office
 * (an admin of no community) or a property company's staff (a member of no community). A session
 * from before streets names no place: a community's, as it was.
 */
export function belongsTo(session: Session): 'community' | 'street' | 'company' {
  if (!session.place || session.place.communityId !== null) return 'community';
  return session.member.role === 'admin' ? 'street' : 'company';
}

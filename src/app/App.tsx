// The shell: language, enrollment gate, screen routing, the update prompt, the recording line
// and resuming an open round. Only the home
// screen is in the first chunk; everything else loads on demand (see ui/useLazy.ts).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { db } from './db/db';
import { getMeta, type Session } from './db/meta';
import { createI18n, I18nContext, initialLocale, rememberLocale } from './i18n';
import { AppContext, belongsTo, type AppServices } from './AppContext';
import { createScheduler } from './sync/scheduleSync';
import { registerServiceWorker, type UpdateHandle } from './swBridge';
import { navigate, useRoute } from './ui/useRoute';
import { useLazy } from './ui/useLazy';
import { useLiveQuery } from './ui/useLiveQuery';
import { UpdatePrompt } from './ui/UpdatePrompt';
import { Toast } from './ui/toast';
import { HomeScreen } from './features/home/HomeScreen';
import { RecordingIndicator } from './features/rounds/RecordingIndicator';
import { resumeOpenRound } from './features/rounds/resumeRound';
import type { Locale } from '../shared/i18n';

const scheduler = createScheduler(async (signal) => {
  const { syncOnce } = await import('./sync/syncOnce');
  return syncOnce(db, { baseUrl: location.origin }, signal);
});

const loadForm = () => import('./features/capture/HazardForm').then((m) => m.HazardForm);
const loadSettings = () => import('./features/settings/SettingsScreen').then((m) => m.SettingsScreen);
const loadEnroll = () => import('./features/enroll/EnrollScreen').then((m) => m.EnrollScreen);
const loadScan = () => import('./features/rounds/ScanScreen').then((m) => m.ScanScreen);
const loadCoverage = () => import('./features/rounds/CoverageScreen').then((m) => m.CoverageScreen);
const loadSheet = () => import('./features/rounds/CheckpointSheet').then((m) => m.CheckpointSheet);
const loadAdmin = () => import('./features/admin/AdminScreen').then((m) => m.AdminScreen);
const loadHazard = () => import('./features/lifecycle/HazardDetailScreen').then((m) => m.HazardDetailScreen);
const loadMap = () => import('./features/map/MapScreen').then((m) => m.MapScreen);
const loadReports = () => import('./features/report/ReportScreen').then((m) => m.ReportScreen);
const loadStreet = () => import('./features/street/StreetScreen').then((m) => m.StreetScreen);

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [update, setUpdate] = useState<UpdateHandle | null>(null);
  const i18n = useMemo(() => createI18n(locale), [locale]);
  const route = useRoute();
  // Only a community's people log hazards: the street office and company staff are refused.
  const logsHazards = !!session && belongsTo(session) === 'community';
  const HazardForm = useLazy(loadForm, logsHazards);
  const SettingsScreen = useLazy(loadSettings, !!session && route === 'settings');
  const EnrollScreen = useLazy(loadEnroll, session === null || route === 'enroll-again');
  // The street office has no community to administer: its admin screen is the street's.
  const streetOffice = !!session && belongsTo(session) === 'street';
  const AdminScreen = useLazy(loadAdmin, !!session && route === 'admin' && !streetOffice);
  const StreetScreen = useLazy(loadStreet, streetOffice && route === 'admin');
  const ScanScreen = useLazy(loadScan, !!session && route === 'scan');
  const CoverageScreen = useLazy(loadCoverage, !!session && route === 'coverage');
  const CheckpointSheet = useLazy(loadSheet, !!session && route === 'checkpoints');
  const HazardDetailScreen = useLazy(loadHazard, !!session && route === 'hazard');
  const MapScreen = useLazy(loadMap, !!session && route === 'map');
  const ReportScreen = useLazy(loadReports, !!session && route === 'reports');

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = i18n.t('app.name');
  }, [locale, i18n]);

  useEffect(() => registerServiceWorker(setUpdate), []);
  // The stored session, followed: the first read lets the app in, and a sync that names a new
  // place for the same token (a community renamed) reaches every screen. A new token is the
  // enroll screen's to hand over, once its first sync is done.
  const stored = useLiveQuery(() => getMeta(db, 'session').then((s) => s ?? null), []);
  useEffect(() => {
    if (stored !== undefined) setSession((current) => (current === undefined || (current && stored?.token === current.token) ? stored : current));
  }, [stored]);

  const token = session?.token;
  const memberId = session?.member.id;
  useEffect(() => (token ? scheduler.start() : undefined), [token]);
  // A round left open by a reload, a crash or a restart goes on recording without a tap.
  useEffect(() => {
    // If it fails (no GPS API, a blocked database), the round panel still offers Resume.
    if (memberId) resumeOpenRound(db, memberId, () => scheduler.afterSave()).catch(console.warn);
  }, [token, memberId]);

  const setLocale = (next: Locale) => {
    rememberLocale(next);
    setLocaleState(next);
  };
  const services: AppServices | null = session ? { db, scheduler, session, setLocale, setSession } : null;
  const loading = <p class="loading">{i18n.t('app.loading')}</p>;

  let screen = loading;
  if (services) {
    const reenroll = (next: Session) => {
      setSession(next);
      navigate('home', { replace: true });
    };
    const screens = {
      'new-hazard': logsHazards ? HazardForm : HomeScreen,
      settings: SettingsScreen,
      scan: ScanScreen,
      coverage: CoverageScreen,
      checkpoints: CheckpointSheet,
      admin: streetOffice ? StreetScreen : AdminScreen,
      hazard: HazardDetailScreen,
      map: MapScreen,
      reports: ReportScreen,
      home: HomeScreen,
    };
    const content =
      route === 'enroll-again'
        ? EnrollScreen && <EnrollScreen db={db} onEnrolled={reenroll} again />
        : (() => {
            const Screen = screens[route];
            return Screen && <Screen />;
          })();
    screen = <AppContext.Provider value={services}>{content ?? loading}</AppContext.Provider>;
  } else if (session === null && EnrollScreen) {
    screen = <EnrollScreen db={db} onEnrolled={setSession} />;
  }

  return (
    <I18nContext.Provider value={i18n}>
      <UpdatePrompt update={update} />
      {services && <RecordingIndicator />}
      <Toast />
      {screen}
    </I18nContext.Provider>
  );
}

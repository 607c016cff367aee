import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../../shared/model/app-info';
import { client } from './client';

interface AppInfoValue {
  /** Null until main answers, and when it cannot: the parts that use it stay hidden rather than guess. */
  info: AppInfo | null;
  /** Asks again after a change that alters it (the secret-storage opt-in), for every reader at once. */
  reload: () => Promise<void>;
}

const AppInfoContext = createContext<AppInfoValue | null>(null);

/** Asks main once for the version, host and secret storage, for the header, the list and the wizard. */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const reload = useCallback(() => client.appInfo().then(setInfo, () => setInfo(null)), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const value = useMemo(() => ({ info, reload }), [info, reload]);
  return <AppInfoContext.Provider value={value}>{children}</AppInfoContext.Provider>;
}

export function useAppInfo(): AppInfoValue {
  const value = useContext(AppInfoContext);
  if (!value) throw new Error('useAppInfo needs an AppInfoProvider above it (App wraps the window in one).');
  return value;
}

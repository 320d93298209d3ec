import { createContext, useContext } from 'react';
import type { PanePorts } from './ports';

export const PaneContext = createContext<PanePorts | null>(null);

export function usePorts(): PanePorts {
  const ports = useContext(PaneContext);
  if (!ports) throw new Error('usePorts() outside <PaneContext.Provider>');
  return ports;
}

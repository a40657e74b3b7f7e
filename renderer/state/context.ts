import { createContext, useContext } from 'react';
import type { DeskState } from './deskState.ts';

export const DeskStateContext = createContext<DeskState | null>(null);

export function useDeskState(): DeskState {
  const state = useContext(DeskStateContext);
  if (!state) throw new Error('useDeskState needs a DeskStateContext provider.');
  return state;
}

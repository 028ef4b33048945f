import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PanelModel } from './panel-model';

export const ModelContext = createContext<PanelModel | null>(null);

/** The panel model of the view being rendered: every component reads state and acts through it. */
export function useModel(): PanelModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('A panel view was rendered outside a ModelContext provider');
  return model;
}

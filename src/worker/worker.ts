import * as Comlink from 'comlink';
import { api } from './api';
import { setTabId } from '../storage/writerLock';

// The page names its worker "clientela:<tab id>": the writer lock tells this tab's work from another tab's.
setTabId(self.name.replace(/^clientela:?/, ''));

Comlink.expose(api);

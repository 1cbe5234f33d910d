import * as Comlink from 'comlink';
import { api } from './api';

Comlink.expose(api);

import { exposeFileReader } from './fileReader';

exposeFileReader();

/**
 * What SheetJS's ODS writer leaves out and an office expects of an export: the header row frozen and a
 * filter button on each header cell. Added to the file SheetJS wrote (settings.xml and a database range
 * per sheet), re-zipped with `mimetype` first and stored, as the ODF package rules ask.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml, columnName } from '../xlsx/xml';

export interface OdsSheetShape {
  name: string;
  columns: number;
  /** Rows including the header. */
  rows: number;
}

const CONFIG_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0"';

function item(name: string, type: string, value: string | number): string {
  return `<config:config-item config:name="${name}" config:type="${type}">${value}</config:config-item>`;
}

/** LibreOffice's view settings: each sheet split (and frozen) below row 1. */
function settingsXml(sheets: readonly OdsSheetShape[]): string {
  const tables = sheets.map((s) => `<config:config-item-map-entry config:name="${escapeXml(s.name)}">`
    + item('HorizontalSplitMode', 'short', 0) + item('VerticalSplitMode', 'short', 2)
    + item('HorizontalSplitPosition', 'int', 0) + item('VerticalSplitPosition', 'int', 1)
    + item('ActiveSplitRange', 'short', 2) + item('PositionLeft', 'int', 0) + item('PositionRight', 'int', 0)
    + item('PositionTop', 'int', 0) + item('PositionBottom', 'int', 1)
    + '</config:config-item-map-entry>').join('');
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-settings ${CONFIG_NS} office:version="1.2"><office:settings>`
    + '<config:config-item-set config:name="ooo:view-settings"><config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
    + `${item('ViewId', 'string', 'view1')}<config:config-item-map-named config:name="Tables">${tables}</config:config-item-map-named>`
    + '</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings></office:document-settings>';
}

/** A sheet name in a cell address: quoted, its quotes doubled. */
function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** One sheet-local (anonymous) database range per sheet, with filter buttons: LibreOffice's auto-filter. */
function filtersXml(sheets: readonly OdsSheetShape[]): string {
  const ranges = sheets.map((s, i) => {
    const address = `${quoted(s.name)}.A1:${quoted(s.name)}.${columnName(Math.max(0, s.columns - 1))}${Math.max(1, s.rows)}`;
    return `<table:database-range table:name="__Anonymous_Sheet_DB__${i}" table:target-range-address="${escapeXml(address)}" table:display-filter-buttons="true"/>`;
  });
  return `<table:database-ranges>${ranges.join('')}</table:database-ranges>`;
}

export function addOdsViewSettings(ods: Uint8Array, sheets: readonly OdsSheetShape[]): Uint8Array {
  const files = unzipSync(ods);
  const content = strFromU8(files['content.xml'] ?? new Uint8Array());
  const manifest = strFromU8(files['META-INF/manifest.xml'] ?? new Uint8Array());
  if (!content.includes('</office:spreadsheet>') || !manifest.includes('</manifest:manifest>')) return ods;
  files['content.xml'] = strToU8(content.replace('</office:spreadsheet>', `${filtersXml(sheets)}</office:spreadsheet>`));
  files['settings.xml'] = strToU8(settingsXml(sheets));
  files['META-INF/manifest.xml'] = strToU8(manifest.includes('settings.xml') ? manifest
    : manifest.replace('</manifest:manifest>', '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/></manifest:manifest>'));
  const { mimetype, ...rest } = files;
  const ordered: Zippable = { mimetype: [mimetype ?? strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] };
  for (const [name, data] of Object.entries(rest)) ordered[name] = data;
  return zipSync(ordered, { level: 6 });
}

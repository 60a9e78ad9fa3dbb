/**
 * The offline playground: paste a report or drop a file, see what the HTML report shows. Everything
 * runs in the page — the library, the reader, the rules; nothing is sent anywhere.
 */
import { HTML_REPORT_SCRIPT, HTML_REPORT_STYLE, checkDocument, renderHtmlFile, renderRuleGlossary, rules } from '../src/index.js';
import type { DocumentInput, Locale, RuleLevel } from '../src/index.js';
import { RULE_PAGE_PATH } from '../scripts/rule-pages.js';
import { converterLoaded, converterWanted, loadConverter, resetWanted } from './opencc-lazy.js';

const UI = {
  title: { 'zh-CN': 'xxgk-lint 在线检查（离线运行）', en: 'xxgk-lint playground (runs offline)' },
  intro: {
    'zh-CN': '粘贴年度报告全文，或把文件拖到此处。检查完全在本页面中进行，不会发送任何数据。',
    en: 'Paste a whole annual report, or drop a file here. The check runs in this page: nothing is sent anywhere.',
  },
  placeholder: { 'zh-CN': '在此粘贴报告全文…', en: 'Paste the report here…' },
  choose: { 'zh-CN': '选择文件', en: 'Choose a file' },
  rules: { 'zh-CN': '规则', en: 'Rules' },
  language: { 'zh-CN': '语言', en: 'Language' },
  checked: { 'zh-CN': '已检查', en: 'Checked' },
  ms: { 'zh-CN': '毫秒', en: 'ms' },
  converter: { 'zh-CN': '（已加载繁体转换）', en: '(traditional-script converter loaded)' },
  empty: { 'zh-CN': '尚无报告。', en: 'No report yet.' },
  unreadable: { 'zh-CN': '无法读取此文件：{reason}', en: 'This file cannot be read: {reason}' },
} as const satisfies Record<string, Record<Locale, string>>;

// The rule pages of the documentation site: the playground is in the site's media folder, or in
// docs/playground beside the site's docs/api.
const RULE_DOCS = `${location.pathname.includes('/media/') ? '..' : '../api'}/${RULE_PAGE_PATH}`;

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector(selector) as T;

const state: { locale: Locale; text: string; bytes: Uint8Array | undefined; file: string; off: Set<string> } = {
  // Chinese by default, as the readers are Chinese officials; `?lang=en` opens it in English.
  locale: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN',
  text: '',
  // A dropped file is checked from its bytes (its form and encoding told by its content); pasted text as text.
  bytes: undefined,
  file: '<粘贴>',
  off: new Set(),
};

function applyLocale(): void {
  const { locale } = state;
  document.documentElement.lang = locale;
  document.title = UI.title[locale];
  $('#title').textContent = UI.title[locale];
  $('#intro').textContent = UI.intro[locale];
  $<HTMLTextAreaElement>('#text').placeholder = UI.placeholder[locale];
  $('#choose-label').textContent = UI.choose[locale];
  $('#rules-title').textContent = UI.rules[locale];
  $('#locale-label').textContent = UI.language[locale];
  for (const label of document.querySelectorAll<HTMLElement>('[data-rule-description]')) {
    const meta = rules.find((candidate) => candidate.id === label.dataset.ruleDescription);
    if (meta) label.title = meta.description[locale];
  }
}

function buildRuleToggles(): void {
  const list = $('#rule-list');
  for (const meta of rules) {
    const item = document.createElement('label');
    item.className = 'rule-toggle';
    item.dataset.ruleDescription = meta.id;
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.dataset.rule = meta.id;
    box.addEventListener('change', () => {
      if (box.checked) state.off.delete(meta.id);
      else state.off.add(meta.id);
      void check();
    });
    item.append(box, ` ${meta.id}`);
    list.append(item);
  }
}

async function runCheck() {
  const levels: Record<string, RuleLevel> = {};
  for (const id of state.off) levels[id] = 'off';
  const started = performance.now();
  const input: DocumentInput = state.bytes ?? state.text;
  const { document, report, diagnostics } = await checkDocument(input, { rules: levels, locale: state.locale });
  return { document, report, diagnostics, elapsed: performance.now() - started };
}

// Counts the checks shown, so that a test (or a person) can tell a fresh result from the last one.
const shown = (): void => {
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? '0') + 1);
};

async function check(): Promise<void> {
  const output = $('#output');
  if (state.bytes === undefined && state.text.trim() === '') {
    output.innerHTML = `<p>${UI.empty[state.locale]}</p>`;
    $('#status').textContent = '';
    shown();
    return;
  }
  resetWanted();
  let result = await runCheck();
  if (converterWanted()) {
    // The text holds traditional script: load the converter and check again with it.
    await loadConverter(new URL('opencc.js', document.baseURI).href);
    result = await runCheck();
  }
  const problem = result.document.problems[0];
  if (problem !== undefined) {
    output.innerHTML = `<p class="xl-table-missing">${escapeText(UI.unreadable[state.locale].replace('{reason}', problem.message))}</p>`;
    shown();
    return;
  }
  const input = { file: state.file, text: result.document.source.original, report: result.report, diagnostics: result.diagnostics };
  const options = { locale: state.locale, ruleDocsUrl: RULE_DOCS };
  output.innerHTML = renderHtmlFile(input, 0, options) + renderRuleGlossary([input], options);
  $('#status').textContent = `${UI.checked[state.locale]} · ${result.elapsed.toFixed(0)} ${UI.ms[state.locale]} ${converterLoaded() ? UI.converter[state.locale] : ''}`;
  shown();
}

async function readFile(file: File): Promise<void> {
  state.file = file.name;
  state.bytes = new Uint8Array(await file.arrayBuffer());
  state.text = '';
  $<HTMLTextAreaElement>('#text').value = '';
  await check();
}

const escapeText = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function start(): void {
  const style = document.createElement('style');
  style.textContent = HTML_REPORT_STYLE;
  document.head.append(style);
  // The report's linking script, run once: it listens on the document, so re-rendered output needs nothing more.
  const script = document.createElement('script');
  script.textContent = HTML_REPORT_SCRIPT;
  document.body.append(script);

  buildRuleToggles();
  const localeSelect = $<HTMLSelectElement>('#locale');
  localeSelect.value = state.locale;
  localeSelect.addEventListener('change', () => {
    state.locale = localeSelect.value === 'en' ? 'en' : 'zh-CN';
    applyLocale();
    void check();
  });
  applyLocale();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const text = $<HTMLTextAreaElement>('#text');
  text.addEventListener('input', () => {
    state.text = text.value;
    state.bytes = undefined;
    state.file = state.locale === 'en' ? '<pasted>' : '<粘贴>';
    clearTimeout(timer);
    timer = setTimeout(() => void check(), 250);
  });
  const chooser = $<HTMLInputElement>('#file');
  chooser.addEventListener('change', () => {
    const file = chooser.files?.[0];
    if (file) void readFile(file);
  });
  const drop = $('#drop');
  for (const name of ['dragenter', 'dragover'] as const) {
    drop.addEventListener(name, (event) => {
      event.preventDefault();
      drop.classList.add('dragging');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (file) void readFile(file);
  });
  void check();
}

start();

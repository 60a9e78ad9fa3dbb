import type { Locale, Localized } from '../index.js';

/** The command's name, as messages print it. */
export const COMMAND = 'xxgk-lint';

/**
 * The extensions a directory is searched for unless `--ext` says otherwise (explicitly named files
 * are checked whatever their extension).
 */
export const DIRECTORY_EXTENSIONS: readonly string[] = ['txt', 'md', 'html', 'htm', 'pdf', 'docx'];

/** The command line's own messages (diagnostics come rendered from the library). */
const MESSAGES = {
  unknownOption: { 'zh-CN': '未知选项 {option}', en: 'unknown option {option}' },
  missingValue: { 'zh-CN': '选项 {option} 需要一个值', en: 'option {option} needs a value' },
  unexpectedValue: { 'zh-CN': '选项 {option} 不接受值', en: 'option {option} takes no value' },
  badFormat: { 'zh-CN': '未知的输出格式 {value}（可选 {formats}）', en: 'unknown format {value} (expected one of {formats})' },
  badConcurrency: { 'zh-CN': '--concurrency 须为 auto 或 1 到 999 的整数，而不是 {value}', en: '--concurrency takes auto or a whole number from 1 to 999, not {value}' },
  badCellsFile: { 'zh-CN': '--cells 的文件须以 .csv 或 .jsonl 结尾，而不是 {value}', en: '--cells needs a file ending in .csv or .jsonl, not {value}' },
  pruneNeedsBaseline: { 'zh-CN': '--prune-baseline 需要同时给出 --baseline <文件>', en: '--prune-baseline needs --baseline <file>' },
  configConflict: { 'zh-CN': '--config 与 --no-config 不能同时使用', en: '--config and --no-config cannot be used together' },
  configNotFound: { 'zh-CN': '找不到配置文件 {file}', en: 'no such configuration file: {file}' },
  configUnreadable: { 'zh-CN': '无法读取配置文件 {file}：{reason}', en: 'cannot read configuration file {file}: {reason}' },
  configUnknownKey: { 'zh-CN': '配置文件 {file} 中有未知的键 {key}{hint}', en: 'unknown key {key} in configuration file {file}{hint}' },
  configUnknownRule: { 'zh-CN': '配置文件 {file} 中有未知规则 {rule}{hint}', en: 'unknown rule {rule} in configuration file {file}{hint}' },
  configInvalid: { 'zh-CN': '配置文件 {file} 中 {key} 的值无效：{reason}', en: 'invalid value for {key} in configuration file {file}: {reason}' },
  baselineUnreadable: { 'zh-CN': '无法读取基线文件 {file}：{reason}', en: 'cannot read baseline file {file}: {reason}' },
  baselineStale: {
    'zh-CN': '基线 {file} 中有 {count} 条记录已不再出现（用 --prune-baseline 删除）',
    en: 'baseline {file} has {count} entries that no longer match any finding (remove them with --prune-baseline)',
  },
  baselineWritten: { 'zh-CN': '已将 {count} 条问题写入基线 {file}', en: 'wrote {count} findings to baseline {file}' },
  baselinePruned: { 'zh-CN': '已从基线 {file} 中删除 {count} 条过期记录', en: 'removed {count} stale entries from baseline {file}' },
  suppressedCount: { 'zh-CN': '基线抑制了 {count} 条已知问题', en: '{count} known findings suppressed by the baseline' },
  badLocale: { 'zh-CN': '未知的语言 {value}（可选 zh-CN、en）', en: 'unknown locale {value} (expected zh-CN or en)' },
  badDate: { 'zh-CN': '--published-on 须为日期 YYYY-MM-DD，而不是 {value}', en: '--published-on needs a date YYYY-MM-DD, not {value}' },
  badDocsUrl: {
    'zh-CN': '--docs-url 须为文档站点的绝对地址（http:、https: 或 file:，不带 ? 和 #），而不是 {value}',
    en: '--docs-url needs the documentation site’s absolute URL (http:, https: or file:, without ? or #), not {value}',
  },
  previousOtherAgency: {
    'zh-CN': '{file} 未与 --previous {previous} 比较：两份报告的机关名称不同（机关改名时，可在配置文件的 overrides 中为两者写同一个 agencyId）',
    en: '{file} was not compared with --previous {previous}: the reports name different agencies (for an agency that renamed, give both the same agencyId in the configuration’s overrides)',
  },
  previousNotConsecutive: {
    'zh-CN': '{file} 未与 --previous {previous} 比较：报告年度 {year} 与 {previousYear} 不相邻',
    en: '{file} was not compared with --previous {previous}: its year {year} does not follow {previousYear}',
  },
  previousNotEarlier: {
    'zh-CN': '{file} 未与 --previous {previous} 比较：--previous 应为上一年度的报告，而它是 {previousYear} 年度的，晚于 {year}',
    en: '{file} was not compared with --previous {previous}: --previous is to be last year’s report, and it is on {previousYear}, after {year}',
  },
  previousSameYear: {
    'zh-CN': '{file} 未与 --previous {previous} 比较：两份报告都是 {year} 年度的',
    en: '{file} was not compared with --previous {previous}: both are reports on {year}',
  },
  seriesOtherAgency: {
    'zh-CN': '--series：{file} 未与 {previous} 比较：两份报告的机关名称不同（机关改名时，可在配置文件的 overrides 中为两者写同一个 agencyId）',
    en: '--series: {file} was not compared with {previous}: the reports name different agencies (for an agency that renamed, give both the same agencyId in the configuration’s overrides)',
  },
  seriesNotConsecutive: {
    'zh-CN': '--series：{file} 未与 {previous} 比较：报告年度 {year} 与 {previousYear} 不相邻',
    en: '--series: {file} was not compared with {previous}: its year {year} does not follow {previousYear}',
  },
  seriesSameYear: {
    'zh-CN': '--series：{file} 未与 {previous} 比较：两份报告都是 {year} 年度的',
    en: '--series: {file} was not compared with {previous}: both are reports on {year}',
  },
  previousNoYear: {
    'zh-CN': '{file} 未与 --previous {previous} 比较：未能读出其中一份报告的年度',
    en: '{file} was not compared with --previous {previous}: the reporting year of one of them was not read',
  },
  summaryWithoutParts: {
    'zh-CN': '{file} 在配置中声明为汇总报告，但本次检查中没有与它同一年度、匹配 summaryOf 的组成报告，未作汇总核对',
    en: '{file} is declared a summary in the configuration, but no report of the run of its year matches its summaryOf: nothing was added up',
  },
  badMaxWarnings: { 'zh-CN': '--max-warnings 须为非负整数（或 -1 表示不限），而不是 {value}', en: '--max-warnings needs a whole number ≥ 0 (or -1 for no limit), not {value}' },
  badRuleSetting: { 'zh-CN': '--rule 的写法应为 <规则>=off|info|warning|error，而不是 {value}', en: '--rule takes <rule>=off|info|warning|error, not {value}' },
  badExtension: { 'zh-CN': '--ext 的扩展名无效：{value}（应为 txt、.md 这样的写法，多个用逗号分隔）', en: 'invalid extension for --ext: {value} (write them like txt or .md, separated by commas)' },
  unknownRule: { 'zh-CN': '未知规则 {rule}{hint}', en: 'unknown rule {rule}{hint}' },
  ruleHint: { 'zh-CN': '（是否指 {rule}？）', en: ' (did you mean {rule}?)' },
  badLevel: { 'zh-CN': '规则 {rule} 的级别 {level} 无效（可选 off、info、warning、error）', en: 'invalid level {level} for rule {rule} (expected off, info, warning or error)' },
  noTargets: { 'zh-CN': '未指定要检查的文件（给出文件、目录、通配符，或用 - 读取标准输入）', en: 'nothing to check: give files, directories, globs, or - for standard input' },
  seeHelp: { 'zh-CN': '；运行 {command} --help 查看用法', en: '; run {command} --help for usage' },
  notFound: { 'zh-CN': '找不到文件 {file}', en: 'no such file: {file}' },
  noMatch: { 'zh-CN': '没有文件匹配 {file}', en: 'no files match {file}' },
  // Named by what left the files out: the patterns (--ignore-pattern and the configuration's
  // ignorePatterns, merged) or the ignore file — the user must know which to edit.
  allIgnored: { 'zh-CN': '{file} 中的文件都被 --ignore-pattern 或配置的 ignorePatterns 排除了', en: "every file of {file} matches an --ignore-pattern or the configuration's ignorePatterns" },
  allIgnoredByFile: { 'zh-CN': '{file} 中的文件都被 .xxgklintignore 排除了', en: 'every file of {file} is left out by .xxgklintignore' },
  allIgnoredByBoth: {
    'zh-CN': '{file} 中的文件都被 .xxgklintignore 和 --ignore-pattern 或配置的 ignorePatterns 排除了',
    en: "every file of {file} is left out by .xxgklintignore and an --ignore-pattern or the configuration's ignorePatterns",
  },
  emptyDirectory: { 'zh-CN': '目录 {file} 中没有 {extensions} 文件', en: 'no {extensions} files in directory {file}' },
  unreadable: { 'zh-CN': '无法读取 {file}：{reason}', en: 'cannot read {file}: {reason}' },
  pdf: { 'zh-CN': '{file} 是 PDF 文件，请先提取文本（如 pdftotext -layout）', en: '{file} is a PDF; extract its text first (e.g. pdftotext -layout)' },
  office: {
    'zh-CN': '{file} 是旧版 Word（.doc）或 WPS 文件，无法读取，请另存为 .docx 或 PDF',
    en: '{file} is an old binary Word (.doc) or WPS file, which cannot be read; save it as .docx or PDF',
  },
  binary: { 'zh-CN': '{file} 不是文本文件', en: '{file} is not a text file' },
  unknownEncoding: {
    'zh-CN': '无法识别 {file} 的编码（支持 UTF-8、带 BOM 的 UTF-16、GB18030/GBK、Big5）',
    en: 'cannot tell the encoding of {file} (supported: UTF-8, UTF-16 with BOM, GB18030/GBK, Big5)',
  },
  documentProblem: { 'zh-CN': '无法读取 {file}：{reason}', en: 'cannot read {file}: {reason}' },
  tooLarge: {
    'zh-CN': '{file} 超过 {limit} 的大小上限，未检查（可用 --max-file-size 调整）',
    en: '{file} is larger than the {limit} limit and was not checked (--max-file-size changes it)',
  },
  notRegular: {
    'zh-CN': '{file} 不是普通文件（{type}），未读取；要检查管道或设备的内容，请用 - 从标准输入读取',
    en: '{file} is not a regular file ({type}) and was not read; to check what a pipe or device holds, read it from standard input with -',
  },
  badMaxFileSize: {
    'zh-CN': '--max-file-size 须为正的字节数（可带 k、M、G），而不是 {value}',
    en: '--max-file-size needs a positive number of bytes (k, M or G allowed), not {value}',
  },
  replaced: { 'zh-CN': '{file} 中有 {count} 处无效的 {encoding} 字节，已替换为 �', en: '{file} has {count} invalid {encoding} sequences, replaced with �' },
  bomMismatch: {
    'zh-CN': '{file} 以 UTF-8 的 BOM 开头，内容却是 {encoding} 编码，已按 {encoding} 读取',
    en: '{file} starts with a UTF-8 byte-order mark but holds {encoding} text; read as {encoding}',
  },
  tooManyWarnings: { 'zh-CN': '警告 {count} 个，超过 --max-warnings 的上限 {max}', en: 'too many warnings: {count} (--max-warnings is {max})' },
  cannotWrite: { 'zh-CN': '无法写入 {file}：{reason}', en: 'cannot write {file}: {reason}' },
  internal: { 'zh-CN': '内部错误：{reason}', en: 'internal error: {reason}' },
  progress: { 'zh-CN': '检查中 {done}/{total}', en: 'checking {done}/{total}' },
} satisfies Record<string, Localized>;

/** The key of one of the command line's messages. */
export type MessageKey = keyof typeof MESSAGES;

/** Renders one of the command line's messages. */
export function message(key: MessageKey, locale: Locale, args: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (args[name] !== undefined ? String(args[name]) : whole));
}

/** The help text: both languages, so whoever runs `--help` can read it. */
export function helpText(version: string): string {
  return `${COMMAND} ${version} — 政府信息公开工作年度报告格式检查 / checks government information-disclosure annual reports

用法 Usage:
  ${COMMAND} [选项 options] <文件|目录|通配符 file|dir|glob>...
  ${COMMAND} [选项 options] -          从标准输入读取 / read standard input

  目录中查找 .txt、.md、.html、.htm、.pdf、.docx 文件（可用 --ext 更改；跳过 node_modules 与隐藏目录）；
  直接指定的文件不限扩展名。
  Directories are searched for .txt, .md, .html, .htm, .pdf and .docx files (--ext changes that;
  node_modules and hidden folders skipped); files named explicitly are checked whatever their extension.
  文件编码自动识别 / encodings detected: UTF-8 (±BOM), UTF-16 (BOM), GB18030/GBK, Big5.

选项 Options:
  -f, --format <stylish|json|jsonl|sarif|csv|html>
                                     输出格式（默认 stylish）；jsonl 每个文件一行、逐个输出；csv 每个问题一行（UTF-8 BOM）；
                                     html：在浏览器中查看的报告页
                                     output format (default stylish); jsonl: one line per file, streamed;
                                     csv: one row per finding (UTF-8 with BOM); html: one page to read in a browser
  --rule <规则 rule>=<off|info|warning|error>
                                     调整规则级别，可重复 / set a rule's level; repeatable
  --locale <zh-CN|en>                消息语言（默认 zh-CN）/ message language (default zh-CN)
  --max-warnings <n>                 警告超过 n 个即失败（默认 -1 不限）/ fail above n warnings (default -1: no limit)
  -q, --quiet                        只报告错误（--max-warnings 仍计入警告）/ report errors only (--max-warnings still counts warnings)
  --include-report                   JSON 输出中附上每份报告读出的数据（report）/ add each file's typed report to JSON output
  --ext <txt,md>                     目录中查找的扩展名（默认 txt,md,html,htm,pdf,docx）/ extensions searched for in directories (default txt,md,html,htm,pdf,docx)
  --ignore-pattern <通配符 glob>     跳过目录和通配符中匹配的文件或文件夹，可重复（相对当前目录或所查目录，
                                     不分大小写，如 "**/INDEX.md"、"reports/草稿"）；直接指定的文件照常检查
                                     skip files or folders of directories and globs that match; repeatable
                                     (relative to the working directory or the one searched, any case,
                                     e.g. "**/INDEX.md", "reports/drafts"); files named outright are checked
  -c, --config <file>                使用该配置文件（.json/.mjs/.js），不再向上查找 / use this configuration file
  --no-config                        不读取任何配置文件 / read no configuration file
  --print-config <file>              打印对该文件生效的配置后退出 / print the settings that apply to a file, and exit
  --list-rules                       列出全部规则（编号、默认级别、说明）后退出 / list the rules (id, default level, description), and exit
  --baseline <file>                  基线中记录的已知问题不再报告（仍出现在 JSON/SARIF 的 suppressed 中）
                                     findings recorded in the baseline are suppressed (JSON/SARIF still show them)
  --write-baseline <file>            把本次发现的问题写入基线 / record this run's findings as a baseline
  --prune-baseline                   从 --baseline 中删除已不再出现的记录 / remove the --baseline's stale entries
  --concurrency <n|auto>             并行检查的线程数（默认 auto：文件较多时每核一个）/ worker threads (default auto: one per core for many files)
  --cache                            跳过内容与配置均未变的文件 / skip files whose content and settings are unchanged
  --cells <file.csv|file.jsonl>      把每份报告的每个单元格（值与状态）写入该文件 / write every extracted cell (value, status) there
  --cache-location <path>            缓存文件位置（默认 node_modules/.cache/xxgk-lint/cache.json）/ where the cache is kept
  --max-file-size <大小 size>        超过此大小的文件不检查（默认 16M；可带 k、M、G）/ files larger are not checked (default 16M; k, M, G allowed)
  -o, --output-file <path>           输出写入文件（目录不存在时自动创建）/ write the output to a file (its folder is created)
  --stdin-filename <name>            标准输入在输出中的名称（默认 <stdin>）/ name for standard input (default <stdin>)
  --published-on <YYYY-MM-DD>        报告的发布日期（优先于报告中写明的），用于核对发布期限
                                     the publication date, over the one the report states, for published-late
  --previous <file>                  上一年度的报告：与所查报告比较结转、现行有效件数、重复文字
                                     last year's report: carry-over, stocks in force and copied text are compared
  --series                           按机关和年度比较本次检查的多份报告（逐个检查，保留各报告）
                                     compare the reports of this run, grouped by agency and year (one thread)
  --docs-url <base>                  托管的文档站点（npm run docs 生成的 docs/api/）地址：SARIF 和 HTML 报告中的规则链接指向其中的规则页
                                     where the documentation site (docs/api/ from npm run docs) is hosted: rule links point at its pages
  --color, --no-color                强制开启或关闭颜色（默认仅在终端上着色，FORCE_COLOR、NO_COLOR 亦可）
                                     force colour on or off (default: on a terminal; FORCE_COLOR, NO_COLOR honoured)
  -v, --version                      显示版本 / print the version
  -h, --help                         显示本帮助 / print this help

配置 Configuration:
  从当前目录向上查找 xxgk-lint.config.json / .mjs / .js；当前目录的 .xxgklintignore（gitignore 语法）排除文件。
  优先级：命令行选项 > 配置文件中匹配的 overrides > 配置文件顶层 > 默认值。
  xxgk-lint.config.json / .mjs / .js is looked for from the working directory up; .xxgklintignore in the
  working directory (gitignore syntax) leaves files out. Precedence: command-line flags > matching
  overrides > the file's top level > defaults.

退出码 Exit codes:
  0  没有错误，且警告不超过 --max-warnings / no errors, warnings within --max-warnings
  1  发现错误，或警告过多 / errors found, or too many warnings
  2  用法或配置错误，或有输入无法检查（缺失、无法读取、二进制、不支持的格式；优先于 1；其余文件照常检查）
     usage or configuration error, or an input could not be checked (missing, unreadable, binary,
     unsupported; takes precedence over 1; the other files are still checked)

示例 Examples:
  ${COMMAND} 2023年报.txt
  ${COMMAND} --format sarif --output-file results.sarif reports/
  ${COMMAND} --format html --output-file report.html reports/
  ${COMMAND} --rule section-order=off --locale en "reports/**/*.txt"
  ${COMMAND} --ext txt --ignore-pattern "**/草稿/**" reports/
  ${COMMAND} --write-baseline xxgk-lint-baseline.json reports/
  ${COMMAND} --baseline xxgk-lint-baseline.json --format jsonl reports/ > findings.jsonl
  cat report.txt | ${COMMAND} -
`;
}

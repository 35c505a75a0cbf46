/**
 * A strict reader of the Prometheus text exposition format 0.0.4 (prom-client only writes it): every
 * line must be a HELP, TYPE, comment or sample line, every sample must belong to a family whose TYPE
 * came first, and no series may repeat. Anything else throws, naming the line.
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: string;
  help: string;
  readonly samples: Sample[];
}

const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const TYPE_LINE = new RegExp(`^# TYPE (${METRIC_NAME}) (counter|gauge|histogram|summary|untyped)$`);
const HELP_LINE = new RegExp(`^# HELP (${METRIC_NAME}) (.*)$`);
const SAMPLE_LINE = new RegExp(`^(${METRIC_NAME})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)/y;
// As Prometheus reads values (Go's ParseFloat): NaN and Inf in any case; prom-client writes `Nan`.
const NUMBER = /^(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?|[+-]?(?:nan|inf|infinity))$/i;
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

const unescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

const numberOf = (text: string, line: string): number => {
  if (!NUMBER.test(text)) throw new Error(`not a number in: ${line}`);
  if (/nan/i.test(text)) return NaN;
  return /inf/i.test(text) ? (text.startsWith('-') ? -Infinity : Infinity) : Number(text);
};

const labelsOf = (body: string | undefined, line: string): Record<string, string> => {
  const labels: Record<string, string> = {};
  LABEL.lastIndex = 0;
  while (body && LABEL.lastIndex < body.length) {
    const match = LABEL.exec(body);
    if (!match) throw new Error(`bad labels in: ${line}`);
    if (match[1]! in labels) throw new Error(`label ${match[1]} twice in: ${line}`);
    labels[match[1]!] = unescape(match[2]!);
  }
  return labels;
};

const familyOf = (families: Map<string, Family>, sample: string): Family | undefined =>
  [...families.values()].find((family) =>
    (SUFFIXES[family.type] ?? ['']).some((suffix) => `${family.name}${suffix}` === sample),
  );

export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const helps = new Map<string, string>();
  const series = new Set<string>();
  for (const line of text.split('\n')) {
    const type = TYPE_LINE.exec(line);
    const help = HELP_LINE.exec(line);
    const sample = SAMPLE_LINE.exec(line);
    if (type) {
      if (families.has(type[1]!)) throw new Error(`second TYPE for ${type[1]}`);
      families.set(type[1]!, {
        name: type[1]!,
        type: type[2]!,
        help: helps.get(type[1]!) ?? '',
        samples: [],
      });
    } else if (help) {
      if (helps.has(help[1]!)) throw new Error(`second HELP for ${help[1]}`);
      helps.set(help[1]!, unescape(help[2]!));
      const family = families.get(help[1]!);
      if (family) family.help = unescape(help[2]!);
    } else if (sample) {
      const family = familyOf(families, sample[1]!);
      if (!family) throw new Error(`sample of no declared family: ${line}`);
      const parsed = {
        name: sample[1]!,
        labels: labelsOf(sample[2], line),
        value: numberOf(sample[3]!, line),
      };
      const key = JSON.stringify([parsed.name, Object.entries(parsed.labels).sort()]);
      if (series.has(key)) throw new Error(`series twice: ${line}`);
      series.add(key);
      family.samples.push(parsed);
    } else if (/^# (?:TYPE|HELP) /.test(line) || (line !== '' && !line.startsWith('#')))
      throw new Error(`not a line of the text format: ${line}`);
  }
  return families;
}

/** The value of the one sample named `name` whose labels include `labels`; 0 when there is none yet. */
export function sampleValue(
  families: Map<string, Family>,
  name: string,
  labels: Record<string, string> = {},
): number {
  const matches = [...families.values()]
    .flatMap((family) => family.samples)
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
    );
  if (matches.length > 1)
    throw new Error(`${matches.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matches[0]?.value ?? 0;
}

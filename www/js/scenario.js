// www/js/scenario.js — the scenario editor's companions: the "simulate for" duration field, the problems
// to mark in the scenario editor (the `scenario:LINE:COL: msg` lines of a pg.simulate Error, and steps
// that ran but failed — ScenarioError events — as warnings), and the steps as markers on the time axis.
import { parseDuration, formatDuration, parseEngineError, scenarioSteps } from './model.js';
import { t } from './i18n/index.js';

/** The default of the "simulate for" field. */
export const DEFAULT_DURATION = '10m';
/** Longest run the page asks for (a year). */
export const MAX_SECONDS = 366 * 86400;

/** Reads the "simulate for" text: {seconds} or {error: i18n key}. */
export function readDuration(text) {
  const v = parseDuration(text?.trim() ? text : DEFAULT_DURATION);
  if (v == null) return { error: 'scenario.badDuration' };
  if (v <= 0) return { error: 'scenario.durationPositive' };
  if (v > MAX_SECONDS) return { error: 'scenario.durationTooLong' };
  return { seconds: v };
}

/**
 * Splits a pg.simulate error message by input: `{scenario: [{line, column, message}], other: [...]}`.
 * Lines of the manifests and nodes are already shown by check(); `other` holds the rest.
 */
export function splitSimulateError(message) {
  const all = parseEngineError(message);
  return {
    scenario: all.filter((e) => e.source === 'scenario'),
    inputs: all.filter((e) => e.source === 'manifests' || e.source === 'nodes'),
    other: all.filter((e) => !e.source),
  };
}

/** Steps that could not be carried out, from ScenarioError events: warnings for the editor. */
export function runtimeProblems(timeline) {
  const out = [];
  for (const e of timeline?.events ?? []) {
    if (e.reason !== 'ScenarioError') continue;
    const m = /^Scenario\/line-(\d+)$/.exec(e.object);
    if (!m) continue;
    out.push({ line: Number(m[1]), column: 1, severity: 'warning', message: t('scenario.stepFailed', { at: formatDuration(e._t ?? 0), message: e.message }) });
  }
  return out;
}

/** Scenario steps as time-axis markers `[{at, line, command}]`. */
export function stepMarkers(text) {
  return scenarioSteps(text).map((s) => ({ at: s.at, line: s.line, command: s.command }));
}

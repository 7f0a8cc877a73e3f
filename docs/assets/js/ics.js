// Calendar files (RFC 5545) and Google Calendar links for planned sessions. No DOM.
import { W, addDays, compactDate } from './plan-dates.js';

const encoder = new TextEncoder();

// RFC 5545 §3.3.11, in one pass
export const escapeText = (text) => String(text).replace(/[\\;,]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n');

// §3.1: at most 75 octets a line, never splitting a character
export function fold(line) {
  let out = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if ((octets += size) > 75) {
      out += '\r\n ';
      octets = 1 + size;
    }
    out += ch;
  }
  return out;
}

// An all-day event per {date, uid, summary, description, location}; DTEND is exclusive
export function calendar(events, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]|\.\d+/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${W.prodid}`,
    'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

// Google Calendar's new-event form, all day (end exclusive)
export const googleLink = ({ date, summary, description, location }) =>
  'https://calendar.google.com/calendar/render?action=TEMPLATE' +
  `&text=${encodeURIComponent(summary)}` +
  `&dates=${compactDate(date)}/${compactDate(addDays(date, 1))}` +
  `&details=${encodeURIComponent(description)}` + (location ? `&location=${encodeURIComponent(location)}` : '');

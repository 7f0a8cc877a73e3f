// Calendar files (RFC 5545) and Google Calendar links for planned sessions. No DOM.
import { W, addDays, compactDate } from './plan-dates.js';

const encoder = new TextEncoder();

// RFC 5545 §3.3.11: backslash first
export const escapeText = (text) =>
  String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

// §3.1: at most 75 octets a line, never splitting a character
export function fold(line) {
  const out = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

// An all-day event per {date, uid, summary, description}; DTEND is exclusive. PRODID: the words' prodid
export function calendar(events, now = new Date()) {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${W.prodid}`,
    'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`, `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

// Google Calendar's new-event form, all day (end exclusive)
export const googleLink = ({ date, summary, description }) =>
  'https://calendar.google.com/calendar/render?action=TEMPLATE' +
  `&text=${encodeURIComponent(summary)}` +
  `&dates=${compactDate(date)}/${compactDate(addDays(date, 1))}` +
  `&details=${encodeURIComponent(description)}`;

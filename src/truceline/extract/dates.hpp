// Date mentions in a text (docs/extract.md, "Dates, numbers and weapons"): absolute dates in
// English, Arabic, Russian and Turkish wording and digits, dates without a year, weekdays and
// relative days resolved against the publication date, "a day early" against the deadline of
// the agreement obligation the sentence is about, and month-only dates.
//
// Rules (DateMention::rule):
//   absolute             "12 October 2018", "October 12, 2018", "2018-10-12", "12.10.2018",
//                        "12 октября 2018 года", "12 تشرين الأول 2018", "١٢ أكتوبر ٢٠١٨";
//                        "October 2018" (precision month)
//   absolute_no_year     "on 12 October", "in October" (precision month), "at the end of April",
//                        "نهاية نيسان الماضي": of the years around the publication date, the one
//                        that puts the date nearest to it, days after publication weighing
//                        kFutureWeight times (news reports the past; deadlines are ahead);
//                        "الماضي"/"прошлого" force the past (reason says which year and why)
//   weekday              "on Tuesday", "во вторник", "يوم الثلاثاء": the latest such day on or
//                        before publication (the publication day itself when it is that
//                        weekday); "last Tuesday" / "в прошлый вторник" / "الثلاثاء الماضي":
//                        strictly before publication
//   yesterday | today | last_night
//                        "yesterday", "вчера", "накануне", "أمس", "البارحة", "dün"; "today",
//                        "сегодня", "اليوم", "فجر اليوم", "bugün"; "last night", "этой ночью",
//                        "الليلة الماضية", "dün gece" (the night before publication: its
//                        evening's date, publication - 1 day)
//   days_ago             "two days ago", "три дня назад", "قبل يومين", "منذ ثلاثة أيام",
//                        "iki gün önce"; "last week" / "на прошлой неделе" / "الأسبوع الماضي"
//                        (precision week: the Monday of the week before publication's week);
//                        "last month" / "в прошлом месяце" / "الشهر الماضي" (precision month)
//   today                also "this month" / "الشهر الجاري" (precision month: its 1st)
//   relative_to_deadline "a day early", "a day ahead of the deadline", "на день раньше срока",
//                        "قبل يوم من الموعد": N days before the deadline of the obligation the
//                        sentence is about (its words matched against obligation kinds), or
//                        unresolved with a reason when no single obligation fits
//   unresolved           "10/12/2018" (day/month order unknown), "31 February" (no such day)
// A weekday followed by its date ("يوم الاثنين 15 تشرين الأول") is one mention resolved by the
// date. An Arabic clitic glued to the first word is left out of the span ("وقبل يومين").
// Without a publication date a relative date is kept with resolved = nullopt, the rule it
// matched, and reason "no publication date (--published)".
//
// Spans are code points (Document). Cost: one pass over the tokens, hash lookups per word;
// the tables are built once per process. Thread-safe; never throws on any Document.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "truceline/extract/document.hpp"

namespace truceline::agreement {
struct Agreement;
}
namespace truceline::extract::lexicon {
struct Words;
}

namespace truceline::extract {

// A date without a year takes the year that puts it nearest to the publication date, a day
// after publication counting as this many days before it: published 2 January, "28 December" is
// last December's (5 days back), "20 January" this January's (18 days ahead, cost 36), "1 August"
// last August's (154 days back against 211 ahead, cost 422).
inline constexpr int kFutureWeight = 2;
// A date more than this many days after publication says so in its reason.
inline constexpr int kFutureSlackDays = 3;

struct DateMention {
  Span span;
  std::string text;
  std::optional<std::chrono::year_month_day> resolved;  // the day (precision week: its Monday;
                                                        // precision month: the 1st)
  std::string rule;       // absolute | absolute_no_year | weekday | yesterday | today | last_night | weekend |
                          // days_ago | relative_to_deadline | unresolved; time_of_day (added by
                          // assemble_candidates: a time of day read as its event's day)
  std::string precision;  // day | week | month  (what the wording fixes: "in October" = month)
  std::string reason;     // why unresolved, or what was assumed ("year from publication date")
  bool header_day = false;  // the header's day the text tells of (header_day), set by find_dates
                            // when the relative days were counted from it
  std::string calendar = {};  // the calendar the text wrote it in when not the Gregorian: "hijri"
                              // (a Hijri date) or "feast" (a feast's name); a Gregorian date beside
                              // it on the same day wins
};

// The dates of a text, in text order, without overlaps. `published`: the publication date
// (relative dates need it); `a`: the agreement whose deadlines "a day early" counts from (may
// be null: such dates are then unresolved).
std::vector<DateMention> find_dates(const Document& doc, std::optional<std::chrono::year_month_day> published,
                                    const agreement::Agreement* a);

// A log's entry: its date, and the code point where its reach ends (the first blank line after
// its line, or the text's end).
struct LogEntry {
  const DateMention* date;
  std::size_t end;
};
// The dates that open a log's entries: whole days, absolute, resolved, each a stamp or a heading —
// opening its line (Document::opens_line) and either followed by a clock time ("[25.08.20 08:40]",
// a chat export's "01.09.2019 22:05 - Ali: …") or alone on it but for marks and one short
// parenthesis ("== 2020-01-14 (Tue) ==", a diary's "Saturday 1 August") or, with no bullet before
// it, followed by ":", "." or a dash ("27 февраля. Прилетели …") — when at least two are
// and none is after `published`; else none. In text order. Relative days in an entry's reach count
// from its day (find_dates); an event there with no day of its own takes it (assemble_candidates).
// A dated bullet ("- 9 January 2020: shelling of …") is no entry.
std::vector<LogEntry> log_entry_dates(const Document& doc, const std::vector<DateMention>& dates,
                                      std::optional<std::chrono::year_month_day> published);

// The day a text's header says it tells of, when the header also dates its writing: a line
// "LABEL: DATE" among the first 12 lines whose label is no word of writing ("يوم البث: الاثنين
// 25 تشرين الثاني 2019", "Görev tarihi: 16 Haziran 2021", "تاريخ الاجتماع: الخميس 11/6/2020"),
// up to 14 days before `published`, and another whose label is one ("نُشر التفريغ:", "Rapor
// tarihi:", "تاريخ تحرير المحضر:") dated `published`. Minutes, a broadcast's transcript and a
// mission's report speak from that day: their relative days count from it (find_dates) and an
// event with no day of its own takes it (assemble_candidates, from the mention find_dates marks
// `header_day`). nullptr when there is none, or two such days, or when the text dates something
// between that day and the writing (it then speaks from the writing's day).
const DateMention* header_day(const Document& doc, const std::vector<DateMention>& dates,
                             std::optional<std::chrono::year_month_day> published);

namespace detail {
// find_dates with the document's word lookups already done (lexicon::words_of(doc)): numbers.cpp
// shares them instead of looking every word up twice.
std::vector<DateMention> find_dates(const Document& doc, const lexicon::Words& words,
                                    std::optional<std::chrono::year_month_day> published, const agreement::Agreement* a);
}  // namespace detail

}  // namespace truceline::extract

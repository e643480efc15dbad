// extract::Document: checks, spans in code points, sentences, tokens, language detection.
#include "truceline/extract/document.hpp"

#include <gtest/gtest.h>

#include <string>

namespace truceline::extract {
namespace {

std::string words_of(const Document& d) {
  std::string out;
  for (std::size_t i = 0; i < d.tokens().size(); ++i) {
    if (!out.empty()) out += '|';
    out += d.token_text(i);
  }
  return out;
}

TEST(Document, CheckTextRefusesWhatIsNotAText) {
  EXPECT_EQ(check_text(""), "empty");
  EXPECT_EQ(check_text(" \n\t "), "empty");
  EXPECT_EQ(check_text("\xEF\xBB\xBF\n"), "empty");
  EXPECT_EQ(check_text(std::string("ab\0cd", 5)), "contains NUL bytes (a binary file?)");
  auto bad = check_text("Saraqib \xE9t\xE9");  // Latin-1
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->rfind("not UTF-8 at byte 8", 0), 0u) << *bad;
  // UTF-16 is named as such (not "binary"), with the conversion.
  const std::string utf16("S\0a\0r\0a\0q\0i\0b\0 \0h\0i\0t\0.\0", 24);
  const auto u16 = check_text(utf16);
  ASSERT_TRUE(u16);
  EXPECT_NE(u16->find("UTF-16LE text, not UTF-8"), std::string::npos) << *u16;
  EXPECT_NE(u16->find("iconv -f UTF-16LE -t UTF-8"), std::string::npos) << *u16;
  EXPECT_TRUE(check_text(std::string(kMaxTextBytes + 1, 'a')));
  EXPECT_FALSE(check_text("Shelling hit Saraqib."));
}

TEST(Document, SpansAreCodePointsAndSliceBack) {
  // Arabic letters are 2 bytes, the BOM is removed and not counted.
  const std::string text = "\xEF\xBB\xBF" "قصف على سراقب. Shelling hit Saraqib.";
  const Document d = Document::make(text);
  ASSERT_EQ(d.sentences().size(), 2u);
  const Token* saraqib_ar = nullptr;
  for (const auto& t : d.tokens())
    if (t.lower == "سراقب") saraqib_ar = &t;
  ASSERT_NE(saraqib_ar, nullptr);
  EXPECT_EQ(saraqib_ar->span, (Span{8, 13}));  // ق ص ف _ ع ل ى _ = 8 code points before it
  EXPECT_EQ(d.slice(saraqib_ar->span), "سراقب");
  EXPECT_EQ(saraqib_ar->script, Script::arabic);
  EXPECT_EQ(saraqib_ar->folded, "sraqb");
  const Token& last_word = d.tokens()[d.tokens().size() - 2];
  EXPECT_EQ(d.token_text(d.tokens().size() - 2), "Saraqib");
  EXPECT_TRUE(last_word.capitalised);
  EXPECT_EQ(d.slice(last_word.span), "Saraqib");
  EXPECT_EQ(d.code_points(), 36u);
  EXPECT_EQ(d.slice(d.sentences()[1].span), "Shelling hit Saraqib.");
  // The slice of every token is its text, at every offset (blocks of 64 bytes crossed).
  std::string long_text;
  for (int i = 0; i < 40; ++i) long_text += "Идлиб и سراقب, ";
  const Document l = Document::make(long_text);
  for (std::size_t i = 0; i < l.tokens().size(); ++i) ASSERT_EQ(l.slice(l.tokens()[i].span), l.token_text(i)) << i;
}

TEST(Document, TokensAndSentences) {
  const Document d = Document::make(
      "Heavy shelling hit Kafr Zita on Tuesday, killing 3 civilians.\n"
      "The ministry said 1,200 troops had withdrawn.\n\n"
      "HEADLINE WITHOUT A STOP\n"
      "A line that was hard-wrapped\nin the middle of a sentence ends here.");
  ASSERT_EQ(d.sentences().size(), 4u);
  EXPECT_EQ(d.slice(d.sentences()[2].span), "HEADLINE WITHOUT A STOP");
  EXPECT_EQ(d.slice(d.sentences()[3].span), "A line that was hard-wrapped\nin the middle of a sentence ends here.");
  const Sentence& s0 = d.sentences()[0];
  std::string first;
  for (std::size_t i = s0.first_token; i < s0.end_token; ++i) first += std::string(d.token_text(i)) + "|";
  EXPECT_EQ(first, "Heavy|shelling|hit|Kafr|Zita|on|Tuesday|,|killing|3|civilians|.|");
  const auto& toks = d.tokens();
  std::size_t n1200 = 0;
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (d.token_text(i) == "1,200") n1200 = i;
  ASSERT_NE(n1200, 0u);
  EXPECT_TRUE(toks[n1200].number);
  EXPECT_EQ(toks[n1200].sentence, 1u);
  EXPECT_FALSE(toks[n1200 + 1].number);
}

TEST(Document, Languages) {
  EXPECT_EQ(detect_language("Shelling hit Saraqib on Tuesday."), "en");
  EXPECT_EQ(detect_language("قصفت قوات النظام مدينة سراقب يوم الثلاثاء"), "ar");
  EXPECT_EQ(detect_language("Обстрел Саракиба во вторник, сообщает ЦПВС (Hmeimim)."), "ru");
  EXPECT_EQ(detect_language("Serakib ilçesine topçu atışı yapıldı."), "tr");
  // An English text naming a Turkish person stays English (the Turkish rules would misread it).
  EXPECT_EQ(detect_language("President Erdoğan said the army shelled the town of Tell Rifaat in the night."), "en");
  EXPECT_EQ(detect_language("Erdoğan ve Putin bir görüşme yaptı."), "tr");
  EXPECT_EQ(detect_language("Serakib ve Idlib icin bir aciklama yapildi ve bu olarak"), "tr");
  // (a genitive's "'in" is no English "in": "Sarmin'in", "İdlib’in")
  EXPECT_EQ(detect_language("Aile, Sarmin'in yaklaşık 5 km kuzeyindeki köydeydi; İdlib’in batısındaki köy ile aynı yer "
                            "değildir."),
            "tr");
  const Document d = Document::make("Shelling hit Saraqib.", "ru");
  EXPECT_EQ(d.lang(), "ru");
  EXPECT_FALSE(d.lang_detected());
  EXPECT_TRUE(Document::make("").tokens().empty());
  EXPECT_EQ(words_of(Document::make("Turkey's army")), "Turkey's|army");
}

// Capitals by Unicode's case properties, not by byte ranges: Cyrillic, Turkish, Latin-1 and
// Greek letters; Arabic has no case.
TEST(Document, CapitalsAndLowerCase) {
  for (const char* w : {"BEIRUT", "САНА", "İDLİB", "ÇAĞLAYAN", "ДЕЙР-ЭЗ-ЗОР", "ΑΘΗΝΑ", "RA'S"}) {
    EXPECT_TRUE(in_capitals(w)) << w;
    EXPECT_FALSE(has_lowercase(w)) << w;
  }
  for (const char* w : {"Beirut", "Идлиб", "İdlib", "IDLIb", "ИДЛИб", "ΑΘΗνΑ", "SARAQİBı", "ALÉPPé"}) {
    EXPECT_FALSE(in_capitals(w)) << w;
    EXPECT_TRUE(has_lowercase(w)) << w;
  }
  EXPECT_FALSE(in_capitals("UN")) << "fewer than three letters";
  EXPECT_FALSE(in_capitals("12-3")) << "no letter";
  EXPECT_FALSE(in_capitals("\u0625\u062F\u0644\u0628")) << "Arabic has no case";
  EXPECT_FALSE(has_lowercase("\u0625\u062F\u0644\u0628"));
  EXPECT_FALSE(has_lowercase("\xFF\xFE" "ABC")) << "ill-formed bytes are skipped";
}

}  // namespace
// Russian "с." and "д." (село, деревня) before a village's name end no sentence; a label's "С."
// opening its line neither; a page count ("— 48 с.") and a line break still do (session 35).
TEST(Document, RussianSettlementAbbreviationsEndNoSentence) {
  EXPECT_EQ(Document::make("Вчера обстреляли склон над с. Хакур-Тахтани и д. Мазугли.").sentences().size(), 1u);
  EXPECT_EQ(Document::make("С. Мазугли (2,4 км к северу от Кинсаббы), луг.").sentences().size(), 1u);
  EXPECT_EQ(Document::make("Отчёт. — Газиантеп, 2020. — 48 с.\nНа с. 31 отмечен беспилотник.").sentences().size(), 2u);
}

}  // namespace truceline::extract

// The place-name gazetteer: GeoNames places (data/gazetteer/places.tsv, built by
// scripts/build-gazetteer) looked up by name in any of the spellings reports use.
//
// Matching has four tiers, best first:
//   exact     the folded query equals a folded name or alternate name of the place (fold());
//   key       the transliteration-aware consonant keys are equal (consonant_key()): catches
//             spellings no gazetteer lists (Maaret / Marat / Ma‘arrat, Zeita / Zayta, Thuhur /
//             Dhuhur / Zuhur, Mudiq / Madiq, Shughour / Shughur);
//   translit  the coarser phonetic keys are equal (translit_key()): what the consonant key keeps
//             apart but romanisations of one Arabic name do not, above all Russian х = kh for
//             both خ and ح (Мхарда = Mahardah, Абу-Духур = Abu ad Duhur), ей = ay (Сукейлабия =
//             Suqaylabiyah); for a query in Cyrillic only, consulted with the key tier
//             when no exact match exists, and scored on the coarse spellings
//             (translit_spelling()) like a key match;
//   fuzzy     only when none of these finds anything: keys within a small edit distance (typos).
// Places are ranked by score (key and translit share one scale), then by distance to
// LookupOptions::near, then by population; key and translit matches form one top tier for
// ambiguity (two places sharing a coarse key are ambiguous, never picked between silently).
//
// A gazetteer is read from the GeoNames extract and, optionally, extra places files (`--places`,
// format in data/gazetteer/README.md) for villages GeoNames lacks; extra places are indexed like
// the others, so their names and alternate names match exactly. Deciding whether a lookup
// locates a report (thresholds, scope, the row's country) is resolve.hpp's job.
//
// Units: coordinates WGS84 degrees; distances (LookupOptions::near) geodesic kilometres.
// Errors: load() throws InputError naming the file and line of a malformed row; lookup()
// never throws (an unknown name gives no candidates).
// Cost: load() is linear in the files (the bundled extract: ~2,750 places) and builds hash
// indexes of the folded names, the keys and the keys' 1-deletions; lookup() is a few hash
// probes for the exact and key tiers (plus ranking the candidates); the fuzzy tier probes the
// query key's 1-deletions (length + 1 probes) and checks each hit's edit distance.
// Thread safety: a loaded Gazetteer is immutable; lookup() may run concurrently (a
// LookupOptions::filter is called on the calling thread only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "truceline/lonlat.hpp"

namespace truceline::gazetteer {

struct Place {
  std::uint32_t geonameid = 0;
  std::string name;       // GeoNames name (UTF-8, Latin script with diacritics)
  std::string asciiname;  // GeoNames ASCII name
  double lat = 0, lon = 0;
  std::string country;       // ISO 3166-1 alpha-2, e.g. "SY"
  std::string admin1_code;   // GeoNames admin1 code, e.g. "12"
  std::string admin1_name;   // e.g. "Idlib"; empty when unknown
  std::string feature_code;  // GeoNames feature code, e.g. "PPL", "PPLA"
  std::int64_t population = 0;  // 0 = unknown (GeoNames)
  std::uint32_t source = 0;     // index in Gazetteer::sources(): the file it came from

  // The admin1 name, or the code when the name is unknown.
  const std::string& admin1() const { return admin1_name.empty() ? admin1_code : admin1_name; }
};

enum class MatchKind { exact, key, translit, fuzzy };
const char* to_string(MatchKind k);

using truceline::LonLat;  // truceline/lonlat.hpp (lon_deg, lat_deg)

struct LookupOptions {
  std::string country;        // ISO code (any case); empty = every country
  std::optional<LonLat> near; // rank closer places first among equal scores
  std::size_t limit = 5;      // at most this many candidates; 0 = all
  // Only places it accepts are considered at all (tiers, ranking and ambiguity are computed
  // among them, as if the others were not in the gazetteer); empty = every place. Called from
  // the calling thread only.
  std::function<bool(const Place&)> filter;
  // The query was written in Cyrillic and folded by the caller (gazetteer::fold, e.g. the
  // extract's folded words): the translit tier applies as it does to a query with Cyrillic
  // letters, which lookup() detects itself. DEFAULT: false.
  bool cyrillic = false;
};

struct Candidate {
  const Place* place = nullptr;
  MatchKind match = MatchKind::exact;
  double score = 0;  // 1 exact; 0.6 + 0.3 x similarity (0.75-0.89) key; the same on the coarse
                     // spellings (0.75-0.88) translit; 0.3 + 0.3 x similarity (0.51-0.59) fuzzy
  std::string matched;                 // the gazetteer spelling that matched best
  std::optional<double> distance_km;   // geodesic distance to LookupOptions::near (WGS84)
};

struct LookupResult {
  std::string query;
  std::string folded;                  // fold(query)
  std::vector<Candidate> candidates;   // best first, at most `limit`
  // One candidate per distinct place of the top tier (same match kind as the best, score
  // within 0.05 of it), places closer than kAmbiguityKm to an earlier one being the same
  // place. More than one = the name is ambiguous. Computed before `limit` applies.
  std::vector<Candidate> top_places;
  bool ambiguous = false;
};

// Places of the top tier closer than this are taken for the same place (GeoNames sometimes
// lists a town and its quarter, or a place twice).
inline constexpr double kAmbiguityKm = 10.0;

// Folds a name for comparison: any script to Latin, diacritics removed, lower case (ICU
// "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower"; Han ideographs are kept as written);
// the apostrophe / ayn / hamza marks (ʿ ʾ ‘ ’ ' ` ´) removed;
// hyphens and other punctuation become word breaks; Arabic article prefixes (al-, el-, Al,
// ash-, as-, ad-, an-, ar-, at-, az-, …; ال in Arabic script) dropped; single spaces.
//   fold("Ma‘arrat al-Nu‘mān") == fold("Maarrat an Numan") == "maarrat numan"
//   fold("خان شيخون") == "khan shykhwn";  fold("Идлиб") == "idlib"
std::string fold(std::string_view name);

// Whether a folded word is a Latin spelling of the Arabic article ("al", "el", "ash", "ez", … 24
// forms), which fold() drops inside a name when another word follows.
bool is_article(std::string_view w);

// The transliteration-aware consonant key of a folded name (rules in gazetteer.cpp):
//   consonant_key("maaret numan") == consonant_key("marat numan") == "mrtnmn"
std::string consonant_key(std::string_view folded);

// The coarse phonetic spelling of a folded name, for the translit tier: per word a final
// vowel + h dropped (ta marbuta), then kh x h -> h (Russian х writes both خ and ح), sh ch -> S,
// gh -> g, th dh d z -> z, dzh dj j -> j, q c -> k, ph -> f (v stays: Russian в is also
// the preposition "in", glued to a name by a capitalised sentence start); vowel digraphs ou oo uu -> u,
// ee ii iy -> i, ei ey ai ay ae -> e; runs of one letter collapsed (doubled consonants, shadda);
// the words joined. translit_spelling("mkharda") == "mharda"; ("suqaylabiyah") == "sukelabiya".
std::string translit_spelling(std::string_view folded);
// Its consonants: translit_spelling() without the vowels a e i o u y w, runs collapsed.
//   translit_key(fold("Мхарда")) == translit_key(fold("Mahardah")) == "mhrz"
std::string translit_key(std::string_view folded);

// Terminal columns a UTF-8 string takes: combining marks 0, East Asian wide/fullwidth 2, else 1
// (for aligning tables of names such as "Abū az̧ Z̧uhūr").
std::size_t display_width(std::string_view utf8);

// Levenshtein distance of two byte strings, or bound + 1 when it is larger than bound.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t bound);

// A file a gazetteer was read from: recorded with every place resolution (provenance).
struct SourceFile {
  std::string path;     // as given
  std::string name;     // its file name without the directories (what resolutions record)
  std::string sha256;   // of its bytes, lower-case hex
  std::size_t places = 0;
  bool extra = false;   // an extra places file (--places), not the GeoNames extract
};

class Gazetteer {
 public:
  // Reads a places.tsv (format in data/gazetteer/README.md) and any extra places files
  // (`name, lon, lat, country, admin1, alternate_names`, same README). Throws InputError
  // naming the file and line.
  static Gazetteer load(const std::string& path, const std::vector<std::string>& extra_places = {});
  static Gazetteer read(std::istream& in, const std::string& source_name);
  // The same from streams (tests): `extra` holds extra places text.
  static Gazetteer read(std::istream& in, const std::string& source_name, std::istream& extra,
                        const std::string& extra_name);

  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;
  ~Gazetteer();

  // Thread-safe (const). `name` may be in any script.
  LookupResult lookup(std::string_view name, const LookupOptions& options = {}) const;

  const std::vector<Place>& places() const;
  const std::vector<SourceFile>& sources() const;  // the GeoNames extract first
  std::vector<std::string> countries() const;  // sorted, distinct
  std::size_t name_count() const;              // distinct folded names indexed

  // Every spelling of every place: as in the data file and folded (fold()), also those whose
  // folded form the place already has (an Arabic spelling and its romanisation); places in order. For callers that index the names
  // themselves (extract::PlaceFinder) without folding them again. Views into the gazetteer.
  struct Spelling {
    std::uint32_t place = 0;  // index in places()
    std::string_view spelling, folded;
  };
  std::vector<Spelling> spellings() const;

  struct Index;  // opaque (gazetteer.cpp)

 private:
  explicit Gazetteer(std::unique_ptr<Index> index);
  std::unique_ptr<Index> index_;
};

// The data file of a data directory: <data_dir>/gazetteer/places.tsv.
std::string data_file_in(const std::string& data_dir);
// The source tree's data file: <source tree>/data/gazetteer/places.tsv (compile definition
// TRUCELINE_DATA_DIR). The library reads no environment: the CLI maps $TRUCELINE_DATA onto
// data_file_in() (cli/places.hpp).
std::string default_data_file();
// The localities supplement of a data directory: <data_dir>/gazetteer/localities.tsv (the same
// format; villages the main file lacks, data/gazetteer/README.md), and the source tree's.
std::string localities_file_in(const std::string& data_dir);
std::string default_localities_file();
// The curated landmarks of a data directory: <data_dir>/gazetteer/landmarks.tsv, in the extra
// places format (data/gazetteer/README.md, "Landmarks"): named sites news text locates by name
// that GeoNames' settlements do not hold (a border crossing), and the source tree's.
std::string landmarks_file_in(const std::string& data_dir);
std::string default_landmarks_file();

}  // namespace truceline::gazetteer

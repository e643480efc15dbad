// Place/*: gazetteer lookups (data/gazetteer/places.tsv) over a realistic mix of spellings:
// GeoNames' own names, the news-report transliterations no gazetteer lists, diacritics and
// ayn marks, Arabic and Cyrillic script, and a few typos that need the fuzzy fallback.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "truceline/gazetteer/gazetteer.hpp"

namespace {

using namespace truceline;

const gazetteer::Gazetteer& data() {
  static const gazetteer::Gazetteer g = gazetteer::Gazetteer::load(gazetteer::default_data_file());
  return g;
}

const std::vector<std::string>& queries() {
  static const std::vector<std::string> q{
      // as GeoNames lists them (exact)
      "Idlib", "Saraqib", "Ariha", "Sarmin", "Darkush", "Halfaya", "Kafr Zita", "Khan Shaykhun",
      "Jisr ash Shughur", "Morek", "Sinjar", "Suran", "Aleppo", "Hama", "Latakia", "Antakya", "Reyhanli",
      "Kafr Nabl", "Mosul", "Beirut",
      // report spellings (consonant key)
      "Maaret al-Numan", "Marat al-Numan", "Ma'arrat al-Nu'man", "Kafr Zeita", "Abu al-Thuhur",
      "Abu al-Dhuhur", "Abu al-Zuhur", "Qalaat al-Mudiq", "Jisr al-Shughour", "Khan Sheikhoun",
      "Khan Shaikhun", "Kafranbel", "Jisr el-Shughur", "Souran", "Saraqeb",
      // diacritics, ayn marks, other scripts
      "Ma‘arrat an Nu‘mān", "Maʿarrat al-Nuʿmān", "Qal‘at al-Maḍīq", "Jisr ash-Shughūr", "Ḩalfāyā",
      "خان شيخون", "إدلب", "معرة النعمان", "سراقب", "Идлиб", "Алеппо",
      // typos (fuzzy fallback)
      "Saraqibb", "Darkoosh", "Khan Shaykhan", "Halfayat"};
  return q;
}

void Place_lookup(benchmark::State& state) {
  const auto& g = data();
  const auto& q = queries();
  std::size_t i = 0, found = 0;
  for (auto _ : state) {
    const auto r = g.lookup(q[i]);
    found += r.candidates.empty() ? 0 : 1;
    benchmark::DoNotOptimize(r.candidates.data());
    if (++i == q.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["found_share"] = static_cast<double>(found) / static_cast<double>(state.iterations());
  state.counters["queries"] = static_cast<double>(q.size());
}
BENCHMARK(Place_lookup)->Name("Place/lookup");

void Place_lookup_near(benchmark::State& state) {
  const auto& g = data();
  const auto& q = queries();
  gazetteer::LookupOptions o;
  o.near = gazetteer::LonLat{36.63, 35.93};
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(g.lookup(q[i], o).candidates.data());
    if (++i == q.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Place_lookup_near)->Name("Place/lookup_near");

void Place_fold(benchmark::State& state) {
  const auto& q = queries();
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(gazetteer::fold(q[i]).data());
    if (++i == q.size()) i = 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(Place_fold)->Name("Place/fold");

void Place_load(benchmark::State& state) {
  const std::string path = gazetteer::default_data_file();
  std::size_t names = 0;
  for (auto _ : state) names = gazetteer::Gazetteer::load(path).name_count();
  state.counters["names"] = static_cast<double>(names);
}
BENCHMARK(Place_load)->Name("Place/load")->Unit(benchmark::kMillisecond);

}  // namespace

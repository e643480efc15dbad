// GeoPackage writing with SQLite: see geopackage.hpp.
#include "truceline/io/geopackage.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "truceline/error.hpp"
#include "truceline/io/file.hpp"
#include "truceline/io/spool.hpp"

namespace truceline::io {

namespace fs = std::filesystem;

namespace {

// GeoPackage 1.3's definition of EPSG:4326 (the WKT GDAL writes for it).
constexpr const char* kWgs84Wkt =
    "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
    "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\","
    "0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],"
    "AUTHORITY[\"EPSG\",\"4326\"]]";

// The tables every GeoPackage has (GeoPackage 1.3, Annex C "Table Definition SQL").
constexpr const char* kCoreSchema = R"sql(
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
  description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined',
  'undefined Cartesian coordinate reference system');
INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined',
  'undefined geographic coordinate reference system');
)sql";

constexpr const char* kExtensionsTable =
    "CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, "
    "definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, "
    "extension_name))";

// The R-tree triggers of GeoPackage 1.3 (Annex F.3), for table T, geometry column "geom" and
// key "fid". (1.4 replaced update1 and update3 by update5-7 to survive UPSERT; a 1.3 file keeps
// the 1.3 set, which is also what GDAL 3.6 writes.)
std::string rtree_triggers(const std::string& t) {
  const std::string r = "\"rtree_" + t + "_geom\"", q = "\"" + t + "\"";
  const std::string values = "VALUES (NEW.\"fid\", ST_MinX(NEW.\"geom\"), ST_MaxX(NEW.\"geom\"), "
                             "ST_MinY(NEW.\"geom\"), ST_MaxY(NEW.\"geom\"))";
  std::string s;
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_insert\" AFTER INSERT ON {1} WHEN (new.\"geom\" NOT NULL AND "
                   "NOT ST_IsEmpty(NEW.\"geom\")) BEGIN INSERT OR REPLACE INTO {2} {3}; END;\n",
                   t, q, r, values);
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_update1\" AFTER UPDATE OF \"geom\" ON {1} WHEN OLD.\"fid\" = "
                   "NEW.\"fid\" AND (NEW.\"geom\" NOTNULL AND NOT ST_IsEmpty(NEW.\"geom\")) BEGIN INSERT OR REPLACE "
                   "INTO {2} {3}; END;\n",
                   t, q, r, values);
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_update2\" AFTER UPDATE OF \"geom\" ON {1} WHEN OLD.\"fid\" = "
                   "NEW.\"fid\" AND (NEW.\"geom\" ISNULL OR ST_IsEmpty(NEW.\"geom\")) BEGIN DELETE FROM {2} WHERE "
                   "id = OLD.\"fid\"; END;\n",
                   t, q, r);
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_update3\" AFTER UPDATE ON {1} WHEN OLD.\"fid\" != NEW.\"fid\" "
                   "AND (NEW.\"geom\" NOTNULL AND NOT ST_IsEmpty(NEW.\"geom\")) BEGIN DELETE FROM {2} WHERE id = "
                   "OLD.\"fid\"; INSERT OR REPLACE INTO {2} {3}; END;\n",
                   t, q, r, values);
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_update4\" AFTER UPDATE ON {1} WHEN OLD.\"fid\" != NEW.\"fid\" "
                   "AND (NEW.\"geom\" ISNULL OR ST_IsEmpty(NEW.\"geom\")) BEGIN DELETE FROM {2} WHERE id IN "
                   "(OLD.\"fid\", NEW.\"fid\"); END;\n",
                   t, q, r);
  s += fmt::format("CREATE TRIGGER \"rtree_{0}_geom_delete\" AFTER DELETE ON {1} WHEN old.\"geom\" NOT NULL "
                   "BEGIN DELETE FROM {2} WHERE id = OLD.\"fid\"; END;\n",
                   t, q, r);
  return s;
}

bool plain_identifier(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

const char* sql_type(GpkgType t) {
  switch (t) {
    case GpkgType::text: return "TEXT";
    case GpkgType::integer: return "INTEGER";
    case GpkgType::real: return "REAL";
    case GpkgType::datetime: return "DATETIME";
  }
  return "TEXT";
}

// "YYYY-MM-DDTHH:MM:SS[.fff]Z" -> "YYYY-MM-DDTHH:MM:SS.SSSZ" (the form GeoPackage's DATETIME
// takes); nullopt for anything else.
std::optional<std::string> gpkg_datetime(const std::string& s) {
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (s.size() < 20 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2) ||
      s[10] != 'T' || !digits(11, 2) || s[13] != ':' || !digits(14, 2) || s[16] != ':' || !digits(17, 2) ||
      s.back() != 'Z')
    return std::nullopt;
  std::string frac;
  if (s.size() > 20) {
    if (s[19] != '.' || s.size() < 22 || !digits(20, s.size() - 21)) return std::nullopt;
    frac = s.substr(20, s.size() - 21);
  }
  frac.resize(3, '0');  // milliseconds: finer digits are cut (GeoPackage stores milliseconds)
  return s.substr(0, 19) + "." + frac + "Z";
}

std::string now_utc() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
}

void put_u32(std::string& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

void put_f64(std::string& out, double d) {
  uint64_t v = 0;
  static_assert(sizeof v == sizeof d);
  std::memcpy(&v, &d, sizeof v);
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

std::string gpkg_point_blob(const GpkgPoint& p, int32_t srs_id) {
  if (!std::isfinite(p.lon_deg) || !std::isfinite(p.lat_deg) || std::abs(p.lon_deg) > 180 ||
      std::abs(p.lat_deg) > 90)
    throw std::invalid_argument(fmt::format("gpkg_point_blob: ({}, {}) is not a WGS 84 position", p.lon_deg,
                                            p.lat_deg));
  std::string b;
  b.reserve(61);
  b += "GP";
  b.push_back(0);     // version 0 = GeoPackage binary version 1
  b.push_back(0x03);  // flags: bit 0 little-endian; bits 1-3 = 1: envelope [minx, maxx, miny, maxy]; not empty
  put_u32(b, static_cast<uint32_t>(srs_id));
  put_f64(b, p.lon_deg);  // envelope of a point: the point
  put_f64(b, p.lon_deg);
  put_f64(b, p.lat_deg);
  put_f64(b, p.lat_deg);
  b.push_back(1);  // WKB: little-endian (NDR)
  put_u32(b, 1);   // wkbPoint
  put_f64(b, p.lon_deg);
  put_f64(b, p.lat_deg);
  return b;
}

struct GeoPackage::Impl {
  std::string name;
  Options options;
  sqlite3* db = nullptr;
  bool finished = false;

  struct Layer {
    GpkgLayer spec;
    sqlite3_stmt* insert = nullptr;
    sqlite3_stmt* index = nullptr;  // rtree insert, when spec.spatial_index
    double min_x = std::numeric_limits<double>::infinity(), min_y = min_x, max_x = -min_x, max_y = -min_x;
    bool any_point = false;
  };
  std::vector<Layer> layers;
  bool has_extensions = false;

  // A failure of SQLite: the file cannot be written (a user's problem: disk full, permission,
  // I/O) or a bug.
  [[noreturn]] void fail(int rc) const {
    const int err = db ? sqlite3_system_errno(db) : 0;
    const int primary = rc & 0xff;
    if (primary == SQLITE_FULL)
      throw InputError(fmt::format("{}: cannot write: {}", name, std::strerror(err != 0 ? err : ENOSPC)));
    if (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY ||
        primary == SQLITE_PERM)
      throw InputError(fmt::format("{}: cannot write: {}", name, err != 0 ? std::strerror(err) : sqlite3_errstr(rc)));
    throw std::runtime_error(
        fmt::format("{}: GeoPackage: SQLite: {}", name, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }

  void exec(const std::string& sql) const {
    if (const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr); rc != SQLITE_OK) fail(rc);
  }

  sqlite3_stmt* prepare(const std::string& sql) const {
    sqlite3_stmt* s = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr); rc != SQLITE_OK) fail(rc);
    return s;
  }

  void step_reset(sqlite3_stmt* s) const {
    const int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) fail(rc);
  }

  void close() {
    for (auto& l : layers) {
      sqlite3_finalize(l.insert);
      sqlite3_finalize(l.index);
      l.insert = l.index = nullptr;
    }
    if (db) sqlite3_close_v2(db);
    db = nullptr;
  }
};

GeoPackage::GeoPackage(const std::string& path, const std::string& name, Options options)
    : impl_(std::make_unique<Impl>()) {
  Impl& g = *impl_;
  g.name = name;
  g.options = std::move(options);
  if (g.options.last_change.empty()) g.options.last_change = now_utc();
  if (!gpkg_datetime(g.options.last_change))
    throw std::invalid_argument(fmt::format("GeoPackage: last_change '{}': expected YYYY-MM-DDTHH:MM:SS.SSSZ",
                                            g.options.last_change));
  g.options.last_change = *gpkg_datetime(g.options.last_change);
  if (struct stat st {}; ::stat(path.c_str(), &st) == 0 && st.st_size > 0)
    throw std::invalid_argument(fmt::format("GeoPackage: {} is not empty: it must be a new file", path));
  if (const int rc = sqlite3_open_v2(path.c_str(), &g.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
      rc != SQLITE_OK) {
    try {
      g.fail(rc);
    } catch (...) {
      g.close();
      throw;
    }
  }
  sqlite3_extended_result_codes(g.db, 1);
  try {
    // No journal and no fsync here: the file is a temporary that is renamed only once
    // complete (and fsync'd by the renamer); a failure abandons it whole.
    g.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA application_id=1196444487; "
           "PRAGMA user_version=10300; BEGIN");
    g.exec(kCoreSchema);
    sqlite3_stmt* s = g.prepare(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, "
        "'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')");
    sqlite3_bind_text(s, 1, kWgs84Wkt, -1, SQLITE_STATIC);
    const int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) g.fail(rc);
  } catch (...) {
    g.close();
    throw;
  }
}

GeoPackage::~GeoPackage() { impl_->close(); }

int GeoPackage::add_layer(const GpkgLayer& spec) {
  Impl& g = *impl_;
  if (g.finished) throw std::logic_error("GeoPackage: add_layer after finish");
  if (!plain_identifier(spec.name) || spec.name.starts_with("gpkg_") || spec.name.starts_with("rtree_") ||
      spec.name.starts_with("sqlite_"))
    throw std::invalid_argument(fmt::format("GeoPackage: layer name '{}': expected a plain identifier", spec.name));
  for (const auto& l : g.layers)
    if (l.spec.name == spec.name) throw std::invalid_argument(fmt::format("GeoPackage: layer '{}' twice", spec.name));
  std::string ddl = fmt::format("CREATE TABLE \"{}\" (\"fid\" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, \"geom\" POINT",
                                spec.name);
  std::string cols = "\"geom\"", params = "?";
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    const GpkgColumn& c = spec.columns[i];
    if (!plain_identifier(c.name) || c.name == "fid" || c.name == "geom")
      throw std::invalid_argument(fmt::format("GeoPackage: column name '{}' of layer {}: expected a plain identifier "
                                              "other than fid and geom", c.name, spec.name));
    for (std::size_t j = 0; j < i; ++j)
      if (spec.columns[j].name == c.name)
        throw std::invalid_argument(fmt::format("GeoPackage: column '{}' twice in layer {}", c.name, spec.name));
    ddl += fmt::format(", \"{}\" {}", c.name, sql_type(c.type));
    cols += fmt::format(", \"{}\"", c.name);
    params += ", ?";
  }
  ddl += ")";
  g.exec(ddl);
  {
    sqlite3_stmt* s = g.prepare(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, srs_id) "
        "VALUES (?, 'features', ?, ?, ?, 4326)");
    sqlite3_bind_text(s, 1, spec.name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, (spec.identifier.empty() ? spec.name : spec.identifier).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, spec.description.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, g.options.last_change.c_str(), -1, SQLITE_TRANSIENT);
    const int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) g.fail(rc);
  }
  g.exec(fmt::format("INSERT INTO gpkg_geometry_columns VALUES ('{}', 'geom', 'POINT', 4326, 0, 0)", spec.name));
  Impl::Layer layer;
  layer.spec = spec;
  if (spec.spatial_index) {
    if (!g.has_extensions) g.exec(kExtensionsTable);
    g.has_extensions = true;
    g.exec(fmt::format("INSERT INTO gpkg_extensions VALUES ('{}', 'geom', 'gpkg_rtree_index', "
                       "'http://www.geopackage.org/spec130/#extension_rtree', 'write-only')",
                       spec.name));
    g.exec(fmt::format("CREATE VIRTUAL TABLE \"rtree_{}_geom\" USING rtree(id, minx, maxx, miny, maxy)", spec.name));
    layer.index = g.prepare(fmt::format("INSERT INTO \"rtree_{}_geom\" VALUES (?, ?, ?, ?, ?)", spec.name));
  }
  layer.insert = g.prepare(fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", spec.name, cols, params));
  g.layers.push_back(std::move(layer));
  return static_cast<int>(g.layers.size() - 1);
}

int64_t GeoPackage::add(int layer_index, const std::optional<GpkgPoint>& point, const std::vector<GpkgValue>& values) {
  Impl& g = *impl_;
  if (g.finished) throw std::logic_error("GeoPackage: add after finish");
  if (layer_index < 0 || static_cast<std::size_t>(layer_index) >= g.layers.size())
    throw std::invalid_argument(fmt::format("GeoPackage: no layer {}", layer_index));
  Impl::Layer& l = g.layers[static_cast<std::size_t>(layer_index)];
  if (values.size() != l.spec.columns.size())
    throw std::invalid_argument(fmt::format("GeoPackage: layer {} has {} columns, {} values given", l.spec.name,
                                            l.spec.columns.size(), values.size()));
  sqlite3_stmt* s = l.insert;
  std::string blob;
  if (point) {
    blob = gpkg_point_blob(*point);
    sqlite3_bind_blob(s, 1, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
  } else {
    sqlite3_bind_null(s, 1);  // location unknown: no geometry (never 0,0)
  }
  std::vector<std::string> texts(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const int p = static_cast<int>(i) + 2;
    const GpkgColumn& c = l.spec.columns[i];
    const GpkgValue& v = values[i];
    auto wrong = [&](const char* what) {
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      return std::invalid_argument(
          fmt::format("GeoPackage: layer {} column {} ({}): {} given", l.spec.name, c.name, sql_type(c.type), what));
    };
    if (std::holds_alternative<std::monostate>(v)) {
      sqlite3_bind_null(s, p);
    } else if (const auto* t = std::get_if<std::string>(&v)) {
      if (c.type == GpkgType::text) {
        sqlite3_bind_text(s, p, t->data(), static_cast<int>(t->size()), SQLITE_STATIC);
      } else if (c.type == GpkgType::datetime) {
        const auto d = gpkg_datetime(*t);
        if (!d) throw wrong("a text that is not YYYY-MM-DDTHH:MM:SS[.SSS]Z");
        texts[i] = *d;
        sqlite3_bind_text(s, p, texts[i].data(), static_cast<int>(texts[i].size()), SQLITE_STATIC);
      } else {
        throw wrong("a text");
      }
    } else if (const auto* n = std::get_if<int64_t>(&v)) {
      if (c.type == GpkgType::integer)
        sqlite3_bind_int64(s, p, *n);
      else if (c.type == GpkgType::real)
        sqlite3_bind_double(s, p, static_cast<double>(*n));
      else
        throw wrong("an integer");
    } else {
      const double d = std::get<double>(v);
      if (c.type != GpkgType::real) throw wrong("a real");
      if (!std::isfinite(d)) throw wrong("a value that is not finite");
      sqlite3_bind_double(s, p, d);
    }
  }
  g.step_reset(s);
  const int64_t fid = sqlite3_last_insert_rowid(g.db);
  if (point) {
    if (l.index) {
      // The spec's loading statement computes these with ST_MinX...; for a point they are
      // its coordinates (the R-tree rounds them outward to 32-bit floats itself).
      sqlite3_bind_int64(l.index, 1, fid);
      sqlite3_bind_double(l.index, 2, point->lon_deg);
      sqlite3_bind_double(l.index, 3, point->lon_deg);
      sqlite3_bind_double(l.index, 4, point->lat_deg);
      sqlite3_bind_double(l.index, 5, point->lat_deg);
      g.step_reset(l.index);
    }
    l.any_point = true;
    l.min_x = std::min(l.min_x, point->lon_deg);
    l.max_x = std::max(l.max_x, point->lon_deg);
    l.min_y = std::min(l.min_y, point->lat_deg);
    l.max_y = std::max(l.max_y, point->lat_deg);
  }
  return fid;
}

void GeoPackage::finish() {
  Impl& g = *impl_;
  if (g.finished) throw std::logic_error("GeoPackage: finish twice");
  try {
    for (auto& l : g.layers) {
      if (l.any_point) {
        sqlite3_stmt* s =
            g.prepare("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?");
        sqlite3_bind_double(s, 1, l.min_x);
        sqlite3_bind_double(s, 2, l.min_y);
        sqlite3_bind_double(s, 3, l.max_x);
        sqlite3_bind_double(s, 4, l.max_y);
        sqlite3_bind_text(s, 5, l.spec.name.c_str(), -1, SQLITE_TRANSIENT);
        const int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE) g.fail(rc);
      }
      // Created last: they call functions (ST_IsEmpty, ...) this connection does not have.
      if (l.spec.spatial_index) g.exec(rtree_triggers(l.spec.name));
    }
    g.exec("COMMIT");
    for (auto& l : g.layers) {
      sqlite3_finalize(l.insert);
      sqlite3_finalize(l.index);
      l.insert = l.index = nullptr;
    }
    if (const int rc = sqlite3_close(g.db); rc != SQLITE_OK) g.fail(rc);
    g.db = nullptr;
    g.finished = true;
  } catch (...) {
    g.close();
    throw;
  }
}

void write_geopackage(const std::string& path, const GeoPackage::Options& options,
                      const std::function<void(GeoPackage&)>& fill) {
  if (path.empty() || path == "-")
    throw UsageError("a GeoPackage is a database file, it cannot be written to standard output: give -o FILE");
  std::ostringstream no_stdout;
  AtomicOutput out(path, no_stdout);
  if (out.temp_path().empty()) {
    // A device or a FIFO (written in place): the finished file's bytes.
    out.stream() << geopackage_bytes(path, options, fill);
  } else {
    GeoPackage g(out.temp_path(), path, options);
    fill(g);
    g.finish();
  }
  out.commit();
}

std::string geopackage_bytes(const std::string& name, const GeoPackage::Options& options,
                             const std::function<void(GeoPackage&)>& fill) {
  std::string dir = (fs::path(spool_dir("-")) / "truceline-gpkg-XXXXXX").string();
  if (!::mkdtemp(dir.data())) throw InputError(fmt::format("{}: cannot write: {}", name, std::strerror(errno)));
  struct Cleanup {
    std::string dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{dir};
  const std::string file = dir + "/export.gpkg";
  {
    GeoPackage g(file, name, options);
    fill(g);
    g.finish();
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw InputError(fmt::format("{}: cannot read the GeoPackage just written", name));
  return std::move(bytes).str();
}

}  // namespace truceline::io

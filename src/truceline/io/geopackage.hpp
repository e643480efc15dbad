// Writing OGC GeoPackage files (OGC 12-128r18, GeoPackage 1.3; docs/formats.md, "GeoPackage"):
// point feature layers with typed attribute columns, in WGS 84 (EPSG:4326), for QGIS, ArcGIS
// and GDAL/OGR users (`truceline reports --format gpkg`, `GET /v1/app/export?format=gpkg`).
//
// Written with SQLite directly, not GDAL: a GeoPackage is an SQLite file with a few tables
// and a binary geometry encoding, which this file writes (a few hundred lines); linking GDAL
// (libgdal-dev) would drag ~100 -dev packages into the build for that. GDAL's command-line
// tools (gdal-bin: ogrinfo, ogr2ogr, and its validate_gpkg.py) are used by the tests only, as
// the independent reader that checks what is written here (tests/io/geopackage_test.cpp).
//
// What a file holds:
// - PRAGMA application_id 'GPKG' (0x47504B47) and user_version 10300 (GeoPackage 1.3.0: the
//   newest version Debian 12's GDAL 3.6 reads without a warning; 1.4 changed only the R-tree
//   triggers' text, see below).
// - gpkg_spatial_ref_sys with the three rows every GeoPackage has: EPSG:4326 (WGS 84
//   geodetic), -1 (undefined Cartesian) and 0 (undefined geographic).
// - gpkg_contents (data_type 'features', the layer's extent in degrees, last_change) and
//   gpkg_geometry_columns (column `geom`, POINT, srs_id 4326, no z, no m) per layer.
// - Per layer a table `NAME` with `fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL`, `geom
//   POINT` and the attribute columns as declared (TEXT, INTEGER, REAL, DATETIME).
// - `geom`: GeoPackage binary geometry — 'GP', version 0, flags 0x03 (little-endian, an
//   envelope [minx, maxx, miny, maxy]), srs_id 4326, the envelope, then a little-endian WKB
//   Point (x = longitude, y = latitude, degrees). A feature whose location is unknown has a
//   NULL geometry, never a point at 0,0.
// - Optionally (Layer::spatial_index) the R-tree spatial index extension: a row in
//   gpkg_extensions, the virtual table rtree_NAME_geom filled with every non-null point, and
//   the six triggers of GeoPackage 1.3 (insert, update1-4, delete) that keep it up to date
//   when another program edits the file (they call ST_IsEmpty/ST_MinX..., which the reader
//   provides — GDAL and QGIS do; they are created last, so that this writer never runs them).
//
// Errors: a file that cannot be written (disk full, permission, I/O) throws InputError
// "NAME: cannot write: REASON" (NAME: the output as the user named it); a column or layer name
// that is not a plain identifier, a value of the wrong type or a coordinate out of range is
// a programmer error: std::invalid_argument.
// Cost: one INSERT per feature (prepared once), one transaction, no journal (the file is a
// temporary the caller renames when finish() has returned: atomicity comes from that).
// Thread safety: one GeoPackage object per thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

namespace truceline::io {

enum class GpkgType {
  text,      // TEXT (UTF-8)
  integer,   // INTEGER (64-bit)
  real,      // REAL (double)
  datetime,  // DATETIME: "YYYY-MM-DDTHH:MM:SS[.SSS]Z" (UTC) given, stored as "...:SS.SSSZ" as the spec asks
};

struct GpkgColumn {
  std::string name;  // REQUIRES: [A-Za-z_][A-Za-z0-9_]*, not "fid" or "geom"
  GpkgType type = GpkgType::text;
};

struct GpkgLayer {
  std::string name;         // the table; REQUIRES: [A-Za-z_][A-Za-z0-9_]*, not starting with "gpkg_" or "rtree_"
  std::string identifier;   // gpkg_contents.identifier (a human name); DEFAULT: the name
  std::string description;  // gpkg_contents.description
  std::vector<GpkgColumn> columns;
  bool spatial_index = true;  // DEFAULT true: the gpkg_rtree_index extension
};

// An attribute value: null, text, integer or real. An integer is accepted for a REAL column.
using GpkgValue = std::variant<std::monostate, std::string, int64_t, double>;

struct GpkgPoint {
  double lon_deg = 0, lat_deg = 0;  // WGS 84; REQUIRES: finite, |lon| <= 180, |lat| <= 90
};

// The GeoPackage binary encoding of a point (see above): 61 bytes.
std::string gpkg_point_blob(const GpkgPoint& p, int32_t srs_id = 4326);

class GeoPackage {
 public:
  struct Options {
    // gpkg_contents.last_change, "YYYY-MM-DDTHH:MM:SS.SSSZ". DEFAULT empty: the clock's now.
    // Give one (e.g. the time of the data) for files identical byte for byte from run to run.
    std::string last_change;
  };
  // Creates a GeoPackage in the file `path`, which must be absent or empty (a temporary of
  // the caller's). `name` is how errors name it (the output the user asked for).
  GeoPackage(const std::string& path, const std::string& name, Options options);
  GeoPackage(const std::string& path, const std::string& name) : GeoPackage(path, name, Options{}) {}
  ~GeoPackage();  // without finish(): closes the connection; the file is then incomplete
  GeoPackage(const GeoPackage&) = delete;
  GeoPackage& operator=(const GeoPackage&) = delete;

  // Declares a layer; returns its handle for add(). Layers may be filled in any order.
  int add_layer(const GpkgLayer& layer);
  // One feature: its point (nullopt: location unknown, NULL geometry) and its values in the
  // layer's column order (as many as columns). Returns its fid (1, 2, ... per layer).
  int64_t add(int layer, const std::optional<GpkgPoint>& point, const std::vector<GpkgValue>& values);
  // Writes the extents, the spatial indexes' triggers, commits and closes the file.
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A GeoPackage written to `path` as the other outputs are (io::AtomicOutput, docs/errors.md
// "Output files"): built in PATH.tmp-PID, renamed over PATH once `fill` has returned and the
// file is complete; on any failure PATH is left as it was. A path that is not a regular file
// (/dev/null, a FIFO) gets the finished bytes copied into it. "-" or "" (standard output) is
// refused with a UsageError: a GeoPackage is a database file, not a stream.
void write_geopackage(const std::string& path, const GeoPackage::Options& options,
                      const std::function<void(GeoPackage&)>& fill);

// The bytes of a GeoPackage built in a temporary directory of TMPDIR (removed afterwards), for
// a download. `name` names it in errors.
std::string geopackage_bytes(const std::string& name, const GeoPackage::Options& options,
                             const std::function<void(GeoPackage&)>& fill);

}  // namespace truceline::io

// GET /v1/app/candidates: see review_api.hpp.
#include "truceline/server/review_api.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "truceline/store/candidates.hpp"
#include "truceline/store/store.hpp"

namespace truceline::server {

bool is_review_path(const std::string& path) { return path == "/v1/app/candidates"; }

Response review_get(const std::string& db, const std::string& path, const std::map<std::string, std::string>& params) {
  if (!is_review_path(path)) return error_response(404, fmt::format("no such endpoint: GET {}", path));
  for (const auto& [k, v] : params)
    if (k != "status") return error_response(400, fmt::format("unknown parameter '{}' (this endpoint takes: status)", k));
  const auto it = params.find("status");
  const std::string status = it == params.end() ? "pending" : it->second;
  if (status != "pending" && status != "decided" && status != "all")
    return error_response(400, fmt::format("status '{}': expected pending, decided or all", status));
  const store::Store s = store::Store::open_existing(db);
  nlohmann::json list = nlohmann::json::array();
  for (const auto& c : store::list_candidates(s, status)) list.push_back(store::to_json(c));
  return {200, "application/json", nlohmann::json{{"candidates", std::move(list)}}.dump() + "\n"};
}

}  // namespace truceline::server

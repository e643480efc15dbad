// The review queue's endpoint (docs/api.md, "The review queue"):
//   GET /v1/app/candidates?status=pending|decided|all
// → {"candidates":[...]} (store/candidates.hpp to_json), in the order received. Decisions are
// not made here: they are signed `review` entries POSTed to /v1/entries (the log applies them).
// Transport-free like api.hpp; called from Api on a worker thread (opens the store read-only).
#pragma once

#include <map>
#include <string>

#include "truceline/server/http.hpp"

namespace truceline::server {

// True for the paths this file answers.
bool is_review_path(const std::string& path);
// The answer for GET `path` with its decoded query parameters: 200, or 400 naming the
// parameter. Store failures propagate (InputError: the caller answers 500).
Response review_get(const std::string& db, const std::string& path, const std::map<std::string, std::string>& params);

}  // namespace truceline::server

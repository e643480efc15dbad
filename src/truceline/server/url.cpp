// Boost.URL's compiled part (Debian's Boost 1.81 ships no libboost_url): built once, here.
#include <boost/url/src.hpp>

# The files of web/ that the binary embeds (cmake/embed_web.cmake) and the build depends on
# (CMakeLists.txt): every file, except hidden ones and source maps (*.map: debugging aids of
# the vendored libraries, large and never requested by the app). Paths relative to DIR, sorted.
function(truceline_web_files dir out)
  file(GLOB_RECURSE all RELATIVE "${dir}" "${dir}/*")
  set(kept "")
  foreach(rel IN LISTS all)
    if(rel MATCHES "(^|/)\\." OR rel MATCHES "\\.map$")
      continue()
    endif()
    list(APPEND kept "${rel}")
  endforeach()
  list(SORT kept)
  set(${out} "${kept}" PARENT_SCOPE)
endfunction()

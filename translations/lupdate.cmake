# Keeps translations/slotdesk_*.ts in step with the sources, and checks that they are.
#   cmake -DLUPDATE=/path/to/lupdate -DMODE=update -P translations/lupdate.cmake
#       adds new strings to the .ts files (as unfinished) and marks vanished ones; the
#       `update_translations` build target runs this.
#   cmake -DLUPDATE=/path/to/lupdate -DMODE=check -DWORK_DIR=/tmp/dir -P translations/lupdate.cmake
#       fails when a .ts file has an unfinished, vanished or obsolete entry, or when running
#       lupdate on a copy would change it (a string was added, changed or removed in the sources
#       since the .ts files were last updated). CTest runs this as `translations_complete`.
# Both modes run lupdate the same way, so a file that `update` wrote passes `check` once translated.
cmake_minimum_required(VERSION 3.25)

if(NOT LUPDATE OR NOT MODE)
  message(FATAL_ERROR "usage: cmake -DLUPDATE=lupdate -DMODE=update|check [-DWORK_DIR=dir] -P lupdate.cmake")
endif()

get_filename_component(root "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(ts_names slotdesk_de.ts slotdesk_fr.ts)
# Where tr() and QCoreApplication::translate() are used. -I lets lupdate see the headers, which
# gives each string its runtime context (slotdesk::ui::MainWindow, not MainWindow).
# No locations: line numbers would change the files on every edit of a source.
set(lupdate_args -silent -locations none -I "${root}" "${root}/ui" "${root}/models"
                 "${root}/app/main.cpp")

function(run_lupdate ts_files)
  execute_process(COMMAND "${LUPDATE}" ${lupdate_args} -ts ${ts_files}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${status}):\n${out}${err}")
  endif()
  if(err)
    # lupdate warns, e.g., about a tr() it cannot place in a class: the context would be wrong.
    message(WARNING "lupdate:\n${err}")
    set(lupdate_warned TRUE PARENT_SCOPE)
  endif()
endfunction()

if(MODE STREQUAL "update")
  set(ts_files)
  foreach(name IN LISTS ts_names)
    list(APPEND ts_files "${CMAKE_CURRENT_LIST_DIR}/${name}")
  endforeach()
  run_lupdate("${ts_files}")
  message(STATUS "Updated ${ts_names}; translate the unfinished entries (Qt Linguist or an editor), "
                 "then check with: ctest --preset dev -R translations_complete")
  return()
endif()

if(NOT MODE STREQUAL "check")
  message(FATAL_ERROR "MODE must be update or check, not ${MODE}")
endif()
if(NOT WORK_DIR)
  message(FATAL_ERROR "MODE=check needs -DWORK_DIR")
endif()

set(problems "")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copies)
foreach(name IN LISTS ts_names)
  set(ts "${CMAKE_CURRENT_LIST_DIR}/${name}")
  if(NOT EXISTS "${ts}")
    string(APPEND problems "${name}: missing (build the update_translations target)\n")
    continue()
  endif()
  # Entries a translator still has to do, or that the sources no longer use.
  file(STRINGS "${ts}" lines)
  set(line_number 0)
  set(last_source "")
  foreach(line IN LISTS lines)
    math(EXPR line_number "${line_number} + 1")
    if(line MATCHES "<source>(.*)</source>")
      set(last_source "${CMAKE_MATCH_1}")
    endif()
    if(line MATCHES "type=\"(unfinished|vanished|obsolete)\"")
      string(APPEND problems "${name}:${line_number}: ${CMAKE_MATCH_1}: ${last_source}\n")
    endif()
  endforeach()
  file(COPY "${ts}" DESTINATION "${WORK_DIR}")
  list(APPEND copies "${WORK_DIR}/${name}")
endforeach()

if(copies)
  set(lupdate_warned FALSE)
  run_lupdate("${copies}")
  if(lupdate_warned)
    string(APPEND problems "lupdate warned about the sources (see above)\n")
  endif()
  foreach(name IN LISTS ts_names)
    if(NOT EXISTS "${WORK_DIR}/${name}")
      continue()
    endif()
    execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                            "${CMAKE_CURRENT_LIST_DIR}/${name}" "${WORK_DIR}/${name}"
                    RESULT_VARIABLE differs)
    if(differs)
      string(APPEND problems "${name}: out of date with the sources (build update_translations, "
                             "then translate what it added)\n")
      find_program(DIFF diff)
      if(DIFF) # what lupdate would change, straight to the output
        execute_process(COMMAND "${DIFF}" -u "${CMAKE_CURRENT_LIST_DIR}/${name}" "${WORK_DIR}/${name}")
      endif()
    endif()
  endforeach()
endif()

if(problems)
  message(FATAL_ERROR "Translations are not complete:\n${problems}")
endif()
message(STATUS "Translations complete and up to date: ${ts_names}")

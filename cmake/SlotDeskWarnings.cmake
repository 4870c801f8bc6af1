# Project-wide compiler settings: strict warnings everywhere, optional -Werror and sanitizers.
# Applied through an interface target so that imported Qt/date headers are not affected.
add_library(slotdesk_compile_options INTERFACE)
target_compile_options(slotdesk_compile_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                       -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual)
# Production code spells out its string encodings (tests may use plain literals).
add_library(slotdesk_strict_strings INTERFACE)
target_compile_definitions(slotdesk_strict_strings INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII)
if(SLOTDESK_WERROR)
  target_compile_options(slotdesk_compile_options INTERFACE -Werror)
endif()
if(SLOTDESK_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_compile_options(${_san})
  add_link_options(${_san})
endif()

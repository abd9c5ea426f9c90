#pragma once
// Colours for the interactive REPL. Colour is used only when the output is a terminal that can
// show it, and never when NO_COLOR is set to a non-empty value (https://no-color.org) or the
// terminal is `dumb`.

#include <string>
#include <string_view>

namespace cql::cli {

bool colour_wanted(bool output_is_terminal, const char* no_color_env, const char* term_env);

enum class StyleRole { Prompt, Value, Type, Error, Capture, Note };

class ReplStyle {
 public:
  explicit ReplStyle(bool colour) : colour_(colour) {}
  bool colour() const { return colour_; }

  // The text wrapped in the role's escape sequence (unchanged without colour).
  std::string paint(StyleRole role, std::string_view text) const;
  // The same, with every escape sequence bracketed by `ignore` characters so the line editor
  // can leave them out of the prompt's width (libedit EL_PROMPT_ESC).
  std::string paint_prompt(std::string_view text, char ignore) const;

 private:
  bool colour_;
};

}  // namespace cql::cli

// SPDX-License-Identifier: MIT
#pragma once

// The publish bar became the window's message area; the old name stays for its callers.
#include "window/messagearea.h"

namespace tg {

/// The window's message area under its former name.
using PublishBar = MessageArea;

} // namespace tg

// SPDX-License-Identifier: MIT
#pragma once

namespace tg {

class MainWindow;

/// The main window's menus and toolbar: File (drafts, pages, publishing, settings), Edit
/// (undo, find), Format (Markdown/HTML markup), Account (filled by the account workspace) and
/// View (preview, zoom, docks), each action with its standard shortcut. Kept apart from the
/// window so the window stays a shell that composes its parts.
class WindowMenus
{
public:
    /// Adds the menus and the toolbar to `window` and connects them to its operations.
    static void build(MainWindow *window);
};

} // namespace tg

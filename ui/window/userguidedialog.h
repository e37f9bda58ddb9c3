// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QTextBrowser;

namespace tg {

/// Help → User Guide (F1): the "User guide" section of the README, bundled into the app and
/// rendered from its Markdown, so it works offline and matches the version running.
class UserGuideDialog : public QDialog
{
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget *parent = nullptr);

    /// The user guide's Markdown: the README's "## User guide" section up to the next
    /// second-level heading (the whole README if it has no such section).
    static QString guideMarkdown();
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser = nullptr;
};

} // namespace tg

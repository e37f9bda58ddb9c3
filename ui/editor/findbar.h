// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QLabel;

namespace tg {

class SourceEditor;

/// Find and replace for the source editor, shown under it (Ctrl+F / Ctrl+H, Escape hides).
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(SourceEditor *editor, QWidget *parent = nullptr);

    /// Shows the bar with the find field focused (and the replace row when asked).
    void activate(bool withReplace);
    void findNext();
    void findPrevious();
    int replaceAll();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    SourceEditor *m_editor;
    QLineEdit *m_find = nullptr;
    QLineEdit *m_replace = nullptr;
    QCheckBox *m_case = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_replaceRow = nullptr;
};

} // namespace tg

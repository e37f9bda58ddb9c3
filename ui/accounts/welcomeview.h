// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QAbstractButton;
class QMainWindow;

namespace tg {

/// The first start's question, asked inside the main window rather than in a separate dialog:
/// it covers the window's central area (the editor and the preview) with three choices —
/// publish to telegra.ph, try the in-app sandbox, or use an existing account by its access
/// token. The first choice has the keyboard focus; Return or Space activates the focused one.
/// Until a choice is made the covered area is disabled; then the view hides itself, gives the
/// focus back and says what was chosen (the caller acts on it and deletes the view).
class WelcomeView : public QWidget
{
    Q_OBJECT
public:
    enum class Choice
    {
        Telegraph,  ///< publish to telegra.ph
        Sandbox,    ///< a local Telegraph server inside the app
        ImportToken ///< telegra.ph, with an existing account imported by its token
    };
    Q_ENUM(Choice)

    /// Covers `window`'s central widget (and follows its geometry); shown at once.
    explicit WelcomeView(QMainWindow *window);
    ~WelcomeView() override;

    QAbstractButton *button(Choice choice) const;

Q_SIGNALS:
    /// The writer chose; the view is hidden by now.
    void chosen(tg::WelcomeView::Choice choice);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractButton *addChoice(Choice choice, const QString &title, const QString &description);
    void choose(Choice choice);
    void release();

    QPointer<QWidget> m_covered;
    QPointer<QWidget> m_focusBefore;
    QList<QAbstractButton *> m_buttons;
};

} // namespace tg

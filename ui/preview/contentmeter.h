// SPDX-License-Identifier: MIT
#pragma once

#include "workflow/contentconverter.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QProgressBar;

namespace tg {

/// Shows how much of the 64 KiB content limit the article uses and every warning and error of
/// the last conversion; activating an entry with a source position asks to move the cursor there.
/// What would block a publish shows as a neutral hint until the writer asks to publish; after a
/// refused publish it shows as an error (setErrorsAsked()).
class ContentMeter : public QWidget
{
    Q_OBJECT
public:
    explicit ContentMeter(QWidget *parent = nullptr);

    void setResult(const ConversionResult &result);
    /// Shows what blocks publishing as errors (true, after a refused publish) or as hints.
    void setErrorsAsked(bool asked);
    /// True while what blocks publishing shows as errors.
    bool errorsAsked() const { return m_errorsAsked; }
    /// The summary line ("Ready to publish", the hints or the errors).
    QString summary() const;
    qsizetype bytes() const { return m_bytes; }
    /// Messages currently listed, in order.
    QStringList messages() const;
    QListWidget *list() const { return m_list; }
    /// The label saying how much of the limit is used ("1.2 of 64 KiB").
    QLabel *sizeLabel() const { return m_size; }

Q_SIGNALS:
    /// The writer activated an issue that points into the source (1-based line and column).
    void issueActivated(int line, int column);
    /// The writer activated an issue about a field ("title", "author_name", "author_url").
    void fieldActivated(const QString &field);

private:
    QProgressBar *m_bar = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
    qsizetype m_bytes = 0;
    ConversionResult m_result;
    bool m_errorsAsked = false;
};

} // namespace tg

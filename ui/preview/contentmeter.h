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
class ContentMeter : public QWidget
{
    Q_OBJECT
public:
    explicit ContentMeter(QWidget *parent = nullptr);

    void setResult(const ConversionResult &result);
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
};

} // namespace tg

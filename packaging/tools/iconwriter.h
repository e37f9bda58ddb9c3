// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>

namespace tg::packaging {

/// Renders the app's SVG icon to the bitmap formats each platform wants: hicolor PNGs for
/// Linux, a multi-size .ico for Windows and an .icns for macOS. Used by the build-time
/// `tg_icontool`, so no icon bitmap is ever checked in.
class IconWriter
{
public:
    /// Loads the SVG at svgPath; check isValid() before rendering.
    explicit IconWriter(const QString &svgPath);

    /// True when the SVG was read and parsed.
    bool isValid() const { return m_valid; }
    /// The reason the last operation failed, for the tool's error message.
    QString errorString() const { return m_error; }

    /// Renders a size × size ARGB image with antialiasing (null image when invalid or size < 1).
    QImage render(int size) const;
    /// The PNG bytes of render(size).
    QByteArray png(int size) const;
    /// An ICO file whose entries are PNG-compressed renders at the given sizes (each 1..256).
    QByteArray ico(const QList<int> &sizes) const;
    /// An ICNS file with the PNG-based entries from 16 to 1024 px (ic04 … ic10, Retina included).
    QByteArray icns() const;

    /// Writes data to path atomically; false (with errorString()) on failure.
    bool writeFile(const QString &path, const QByteArray &data);

private:
    QByteArray m_svg;
    bool m_valid = false;
    QString m_error;
};

} // namespace tg::packaging

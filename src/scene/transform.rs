//! The one model-to-pixel transform of a view: millimetres (y up) to CSS pixels (y down).

use super::point::P2;

/// Uniform scale plus offset; `y` flips so that up in the body is up on the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewTransform {
    pub px_per_mm: f64,
    /// Pixel position of the view's origin (0 mm, 0 mm).
    pub origin_x_px: f64,
    pub origin_y_px: f64,
}

impl Default for ViewTransform {
    fn default() -> Self {
        ViewTransform {
            px_per_mm: 1.0,
            origin_x_px: 0.0,
            origin_y_px: 0.0,
        }
    }
}

/// A rectangle in view millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BoundsMm {
    pub min: P2,
    pub max: P2,
}

impl ViewTransform {
    /// The largest transform that fits `bounds` into `width_px` x `height_px` inside a margin,
    /// centred. A degenerate size gives a tiny but finite transform.
    pub fn fit(bounds: BoundsMm, width_px: f64, height_px: f64, margin_px: f64) -> Self {
        let w_mm = (bounds.max.x_mm - bounds.min.x_mm).max(1.0);
        let h_mm = (bounds.max.y_mm - bounds.min.y_mm).max(1.0);
        let avail_w = (width_px - 2.0 * margin_px).max(1.0);
        let avail_h = (height_px - 2.0 * margin_px).max(1.0);
        let s = (avail_w / w_mm).min(avail_h / h_mm);
        let s = if s.is_finite() && s > 0.0 { s } else { 1e-3 };
        let cx = (bounds.min.x_mm + bounds.max.x_mm) / 2.0;
        let cy = (bounds.min.y_mm + bounds.max.y_mm) / 2.0;
        ViewTransform {
            px_per_mm: s,
            origin_x_px: width_px / 2.0 - cx * s,
            origin_y_px: height_px / 2.0 + cy * s,
        }
    }

    /// Model millimetres to CSS pixels.
    pub fn to_px(&self, p: P2) -> (f64, f64) {
        (
            self.origin_x_px + p.x_mm * self.px_per_mm,
            self.origin_y_px - p.y_mm * self.px_per_mm,
        )
    }

    /// CSS pixels back to model millimetres.
    pub fn to_mm(&self, x_px: f64, y_px: f64) -> P2 {
        P2::new(
            (x_px - self.origin_x_px) / self.px_per_mm,
            (self.origin_y_px - y_px) / self.px_per_mm,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_centres_and_round_trips() {
        let b = BoundsMm {
            min: P2::new(-300.0, 0.0),
            max: P2::new(300.0, 1800.0),
        };
        let t = ViewTransform::fit(b, 400.0, 600.0, 0.0);
        assert!((t.px_per_mm - 600.0 / 1800.0).abs() < 1e-12);
        let (x, y) = t.to_px(P2::new(0.0, 900.0));
        assert!((x - 200.0).abs() < 1e-9 && (y - 300.0).abs() < 1e-9);
        let (_, floor_y) = t.to_px(P2::new(0.0, 0.0));
        assert!(
            (floor_y - 600.0).abs() < 1e-9,
            "the floor sits at the bottom: {floor_y}"
        );
        let back = t.to_mm(123.0, 45.0);
        let (x2, y2) = t.to_px(back);
        assert!((x2 - 123.0).abs() < 1e-9 && (y2 - 45.0).abs() < 1e-9);
    }

    #[test]
    fn fit_survives_a_zero_sized_canvas() {
        let b = BoundsMm {
            min: P2::new(0.0, 0.0),
            max: P2::new(10.0, 10.0),
        };
        let t = ViewTransform::fit(b, 0.0, 0.0, 20.0);
        assert!(t.px_per_mm.is_finite() && t.px_per_mm > 0.0);
        assert!(t.origin_x_px.is_finite() && t.origin_y_px.is_finite());
    }
}

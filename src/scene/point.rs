//! A point of a view's drawing plane, in millimetres.

/// A point of a view, in millimetres: `x` to the right of the drawing, `y` up.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct P2 {
    pub x_mm: f64,
    pub y_mm: f64,
}

impl P2 {
    /// The four corners of a [`Cmd::Block`](super::Cmd::Block), anticlockwise from the top left.
    pub fn block_corners(centre: P2, up: P2, half_w_mm: f64, half_h_mm: f64) -> [P2; 4] {
        let right = P2::new(up.y_mm, -up.x_mm);
        let at = |a: f64, b: f64| {
            P2::new(
                centre.x_mm + up.x_mm * a + right.x_mm * b,
                centre.y_mm + up.y_mm * a + right.y_mm * b,
            )
        };
        [
            at(half_h_mm, -half_w_mm),
            at(-half_h_mm, -half_w_mm),
            at(-half_h_mm, half_w_mm),
            at(half_h_mm, half_w_mm),
        ]
    }

    pub const fn new(x_mm: f64, y_mm: f64) -> Self {
        P2 { x_mm, y_mm }
    }

    /// The point halfway to `other`.
    pub fn mid(self, other: P2) -> P2 {
        P2::new(
            (self.x_mm + other.x_mm) / 2.0,
            (self.y_mm + other.y_mm) / 2.0,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_corners_follow_the_up_vector() {
        let c = P2::block_corners(P2::new(10.0, 20.0), P2::new(0.0, 1.0), 3.0, 2.0);
        assert_eq!(
            c,
            [
                P2::new(7.0, 22.0),
                P2::new(7.0, 18.0),
                P2::new(13.0, 18.0),
                P2::new(13.0, 22.0)
            ]
        );
        let tilted = P2::block_corners(P2::default(), P2::new(1.0, 0.0), 3.0, 2.0);
        assert_eq!(
            tilted[0],
            P2::new(2.0, 3.0),
            "up along +x: the top-left corner is up and left"
        );
    }
}

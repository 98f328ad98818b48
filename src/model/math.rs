//! Small fixed-size linear algebra for the solver: 3-vectors, 3x3 rotations, a dense 6x6 solve.
//!
//! Units: whatever the caller uses (the solver works in metres and radians). No heap allocation.

#![allow(clippy::needless_range_loop)] // index loops read as the algebra

use std::ops::{Add, AddAssign, Mul, Neg, Sub};

/// A 3-vector: x to the subject's right, y up, z forward.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Vec3 {
    pub x: f64,
    pub y: f64,
    pub z: f64,
}

impl Vec3 {
    pub const ZERO: Vec3 = Vec3::new(0.0, 0.0, 0.0);
    pub const Z: Vec3 = Vec3::new(0.0, 0.0, 1.0);

    #[inline]
    pub const fn new(x: f64, y: f64, z: f64) -> Self {
        Vec3 { x, y, z }
    }

    #[inline]
    pub fn dot(self, o: Vec3) -> f64 {
        self.x * o.x + self.y * o.y + self.z * o.z
    }

    #[inline]
    pub fn cross(self, o: Vec3) -> Vec3 {
        Vec3::new(
            self.y * o.z - self.z * o.y,
            self.z * o.x - self.x * o.z,
            self.x * o.y - self.y * o.x,
        )
    }

    #[inline]
    pub fn norm(self) -> f64 {
        self.dot(self).sqrt()
    }
}

impl Add for Vec3 {
    type Output = Vec3;
    #[inline]
    fn add(self, o: Vec3) -> Vec3 {
        Vec3::new(self.x + o.x, self.y + o.y, self.z + o.z)
    }
}

impl AddAssign for Vec3 {
    #[inline]
    fn add_assign(&mut self, o: Vec3) {
        *self = *self + o;
    }
}

impl Sub for Vec3 {
    type Output = Vec3;
    #[inline]
    fn sub(self, o: Vec3) -> Vec3 {
        Vec3::new(self.x - o.x, self.y - o.y, self.z - o.z)
    }
}

impl Neg for Vec3 {
    type Output = Vec3;
    #[inline]
    fn neg(self) -> Vec3 {
        Vec3::new(-self.x, -self.y, -self.z)
    }
}

impl Mul<f64> for Vec3 {
    type Output = Vec3;
    #[inline]
    fn mul(self, s: f64) -> Vec3 {
        Vec3::new(self.x * s, self.y * s, self.z * s)
    }
}

/// A 3x3 matrix, row-major; used for rotations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Mat3 {
    pub m: [[f64; 3]; 3],
}

impl Default for Mat3 {
    fn default() -> Self {
        Mat3::IDENTITY
    }
}

impl Mat3 {
    pub const IDENTITY: Mat3 = Mat3 {
        m: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]],
    };

    /// Rotation about +x by `a` radians (takes +y toward +z: forward flexion).
    pub fn rot_x(a: f64) -> Mat3 {
        if a == 0.0 {
            return Mat3::IDENTITY;
        }
        let (s, c) = a.sin_cos();
        Mat3 {
            m: [[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]],
        }
    }

    /// Rotation about +y by `a` radians (takes +z toward +x: turning to the right).
    pub fn rot_y(a: f64) -> Mat3 {
        if a == 0.0 {
            return Mat3::IDENTITY;
        }
        let (s, c) = a.sin_cos();
        Mat3 {
            m: [[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]],
        }
    }

    /// Rotation about +z by `a` radians (takes +x toward +y).
    pub fn rot_z(a: f64) -> Mat3 {
        if a == 0.0 {
            return Mat3::IDENTITY;
        }
        let (s, c) = a.sin_cos();
        Mat3 {
            m: [[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]],
        }
    }

    #[inline]
    pub fn col(&self, j: usize) -> Vec3 {
        Vec3::new(self.m[0][j], self.m[1][j], self.m[2][j])
    }
}

impl Mul for Mat3 {
    type Output = Mat3;
    #[inline]
    fn mul(self, o: Mat3) -> Mat3 {
        let (a, b) = (&self.m, &o.m);
        let row = |r: &[f64; 3]| {
            [
                r[0] * b[0][0] + r[1] * b[1][0] + r[2] * b[2][0],
                r[0] * b[0][1] + r[1] * b[1][1] + r[2] * b[2][1],
                r[0] * b[0][2] + r[1] * b[1][2] + r[2] * b[2][2],
            ]
        };
        Mat3 {
            m: [row(&a[0]), row(&a[1]), row(&a[2])],
        }
    }
}

impl Mul<Vec3> for Mat3 {
    type Output = Vec3;
    #[inline]
    fn mul(self, v: Vec3) -> Vec3 {
        let m = &self.m;
        Vec3::new(
            m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z,
            m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
            m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z,
        )
    }
}

/// Solves `a x = b` in place for a symmetric positive (semi)definite `N`x`N` system by Gaussian
/// elimination with partial pivoting. Returns `false` (and leaves `b` unspecified) if singular.
pub(crate) fn solve_dense<const N: usize>(a: &mut [[f64; N]; N], b: &mut [f64; N]) -> bool {
    for col in 0..N {
        let mut piv = col;
        for r in col + 1..N {
            if a[r][col].abs() > a[piv][col].abs() {
                piv = r;
            }
        }
        if a[piv][col].abs() < 1e-300 || !a[piv][col].is_finite() {
            return false;
        }
        a.swap(col, piv);
        b.swap(col, piv);
        for r in col + 1..N {
            let f = a[r][col] / a[col][col];
            if f != 0.0 {
                for c in col..N {
                    a[r][c] -= f * a[col][c];
                }
                b[r] -= f * b[col];
            }
        }
    }
    for col in (0..N).rev() {
        let mut s = b[col];
        for c in col + 1..N {
            s -= a[col][c] * b[c];
        }
        b[col] = s / a[col][col];
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotations_turn_the_way_the_conventions_say() {
        let near = |a: Vec3, b: Vec3| (a - b).norm() < 1e-12;
        let q = std::f64::consts::FRAC_PI_2;
        assert!(near(Mat3::rot_x(q) * Vec3::new(0.0, 1.0, 0.0), Vec3::Z));
        assert!(near(Mat3::rot_y(q) * Vec3::Z, Vec3::new(1.0, 0.0, 0.0)));
        assert!(near(
            Mat3::rot_z(-q) * Vec3::new(0.0, 1.0, 0.0),
            Vec3::new(1.0, 0.0, 0.0)
        ));
        assert!(near(
            (Mat3::rot_z(0.3) * Mat3::rot_z(-0.3)) * Vec3::Z,
            Vec3::Z
        ));
    }

    #[test]
    fn dense_solve_recovers_a_known_solution() {
        let mut a = [[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]];
        let x = [1.0, -2.0, 0.5];
        let mut b = [0.0; 3];
        for i in 0..3 {
            b[i] = (0..3).map(|j| a[i][j] * x[j]).sum();
        }
        assert!(solve_dense(&mut a, &mut b));
        for i in 0..3 {
            assert!((b[i] - x[i]).abs() < 1e-12);
        }
        let mut singular = [[1.0, 2.0], [2.0, 4.0]];
        let mut rhs = [1.0, 2.0];
        assert!(!solve_dense(&mut singular, &mut rhs));
    }
}

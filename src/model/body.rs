//! The body the chain lives in: neutral geometry, masses and joint ranges, scaled to one person.
//!
//! SI units throughout: metres, kilograms, radians. Built from `params.rs` for a stature, a mass and
//! a sex; the neutral geometry carries the natural spinal curves, so every joint angle of the
//! neutral stance is zero and every posture is a deviation from it.

use super::level::{Level, Region, LEVEL_COUNT};
use super::math::Vec3;
use super::params as p;
use super::scenario::{Coupling, Sex};

/// Number of vertebrae C1..L5.
pub(crate) use super::level::VERTEBRA_COUNT;

/// Index of the T1 vertebra in `C1..L5` (the shoulder girdle hangs on it).
pub(crate) const T1_VERTEBRA: usize = 7;

/// One person's body, ready for the kinematics.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Body {
    pub stature_m: f64,
    pub mass_kg: f64,
    /// Neutral vector of vertebra j (C1 = 0) from the joint below it (j + 1) to the joint above (j).
    pub segment: [Vec3; VERTEBRA_COUNT],
    /// Neutral offset from the midpoint of the hip centres to the top of S1 (joint L5-S1).
    pub s1_from_hips: Vec3,
    /// Head landmarks relative to C0-C1 in the head frame (upright in the neutral stance).
    pub head_vertex: Vec3,
    pub head_com: Vec3,
    /// Right eye and right ear; the left ones mirror x.
    pub eye_right: Vec3,
    pub ear_right: Vec3,
    /// Right acromion relative to the centre of T1, in T1's frame.
    pub acromion_right: Vec3,
    /// Right iliac crest relative to the hip midpoint, in the pelvis frame.
    pub crest_right: Vec3,
    /// C7 spinous process relative to the C7 body centre.
    pub c7_spinous: Vec3,
    /// Posterosuperior corner of S1 relative to the top of S1, in the pelvis frame.
    pub s1_posterior_corner: Vec3,
    /// Mass of the head (with the neck), of each vertebra's trunk slice, of each arm.
    pub head_mass_kg: f64,
    pub vertebra_mass_kg: [f64; VERTEBRA_COUNT],
    /// Offset of each trunk slice's centre of mass from its vertebra's centre, segment frame.
    pub trunk_mass_offset: Vec3,
    pub arm_mass_kg: f64,
    pub pelvis_mass_kg: f64,
    pub pelvis_com: Vec3,
    pub thigh_mass_kg: f64,
    pub shank_mass_kg: f64,
    pub hip_spacing_m: f64,
    pub ankle_height_m: f64,
    /// Neutral vertical distance ankle joint to hip centre.
    pub leg_height_m: f64,
    pub thigh_length_m: f64,
    pub shank_length_m: f64,
    pub foot_length_m: f64,
    /// Per level, radians: `[flexion (half the F/E arc), lateral bend, axial rotation]`.
    pub range_rad: [[f64; 3]; LEVEL_COUNT],
    /// Lateral-bend to axial-rotation coupling per level.
    pub coupling: [f64; LEVEL_COUNT],
    /// The single-equivalent extensor's posterior moment arm at each joint (m), by region.
    pub extensor_arm_m: [f64; LEVEL_COUNT],
    /// Its lateral moment arm over the posterior one (frontal moments).
    pub extensor_lateral_factor: f64,
    /// Normal of the S1 endplate in the pelvis frame (tipped forward by the sacral slope).
    pub sacral_normal: Vec3,
    pub neck_extensor_arm_m: f64,
    pub leg_absorption_range_m: f64,
    pub pelvis_level_range_rad: f64,
    pub pelvis_yaw_range_rad: f64,
    /// Range of the pelvis's sagittal tilt on the hips, each way.
    pub pelvis_tilt_range_rad: f64,
    pub pelvis_shift_range_m: f64,
    pub balance_range_m: f64,
    pub girdle_range_rad: f64,
    pub shoulder_level_range_m: f64,
}

/// Neutral inclination of each vertebra, degrees from vertical, positive when its top lies ahead
/// of its bottom. Starts from the sacral slope and adds each joint's share of the curves.
pub(crate) fn neutral_inclination_deg() -> [f64; VERTEBRA_COUNT] {
    let mut incl = [0.0; VERTEBRA_COUNT];
    // Curve at joint i (positive kyphotic: the part above leans further forward).
    let mut curve = [0.0; LEVEL_COUNT];
    for (k, share) in p::LORDOSIS_SHARE.iter().enumerate() {
        curve[Level::T12L1.index() + k] = -p::LUMBAR_LORDOSIS_DEG * share;
    }
    let thoracic = Level::T1T2.index()..=Level::T11T12.index();
    let n_thoracic = thoracic.clone().count() as f64;
    for i in thoracic {
        curve[i] = p::THORACIC_KYPHOSIS_DEG / n_thoracic;
    }
    for c in curve
        .iter_mut()
        .take(Level::C6C7.index() + 1)
        .skip(Level::C2C3.index())
    {
        *c = -p::CERVICAL_LORDOSIS_DEG / 5.0;
    }
    let mut below = p::SACRAL_SLOPE_DEG;
    for j in (0..VERTEBRA_COUNT).rev() {
        // Vertebra j sits on joint j + 1.
        below += curve[j + 1];
        incl[j] = below;
    }
    incl
}

/// Height of each vertebra with its disc (C1..L5), mm, for an adult man of 175 cm; each region
/// summed to its length (Section 4 of the reference: bodies 14-15 / 17-24 / 25-28 mm, discs 5-6 /
/// 4-6 / 10-12 mm).
pub(crate) fn vertebra_height_mm() -> [f64; VERTEBRA_COUNT] {
    let mut h = [0.0; VERTEBRA_COUNT];
    // Cervical: the atlas is short, the axis tall (dens), C3-C7 alike.
    let cervical = [10.0, 22.0, 20.0, 20.0, 20.0, 20.0, 20.0];
    let thoracic: [f64; 12] = std::array::from_fn(|k| 17.0 + 7.0 * k as f64 / 11.0 + 5.0);
    let lumbar = [37.5; 5];
    let parts: [&[f64]; 3] = [&cervical, &thoracic, &lumbar];
    let mut j = 0;
    for (part, length) in parts.iter().zip(p::REGION_LENGTH_MM) {
        let sum: f64 = part.iter().sum();
        for v in part.iter() {
            h[j] = v * length / sum;
            j += 1;
        }
    }
    h
}

impl Body {
    /// Spreads a total angle (rad) of one motion (0 flexion, 1 lateral bend, 2 axial rotation)
    /// over a run of joints (indices, end excluded) as least effort would, in proportion to each joint's range², adding it
    /// to `out`.
    pub(crate) fn spread(
        &self,
        out: &mut [f64; LEVEL_COUNT],
        motion: usize,
        levels: std::ops::Range<usize>,
        total: f64,
    ) {
        // Plain index loops: an inclusive range's iterator costs the page's wasm more.
        let mut sum = 0.0;
        for i in levels.clone() {
            sum += self.range_rad[i][motion] * self.range_rad[i][motion];
        }
        for i in levels {
            out[i] += total * self.range_rad[i][motion] * self.range_rad[i][motion] / sum;
        }
    }

    /// Builds the body for a stature (m), a mass (kg), a sex and the regional coupling.
    pub fn new(stature_m: f64, mass_kg: f64, sex: Sex, coupling: Coupling) -> Body {
        let hgt = stature_m;
        let s = match sex {
            Sex::Male => 0,
            Sex::Female => 1,
        };
        let scale = hgt / p::REFERENCE_STATURE_M;
        let frac = |v: [f64; 3]| Vec3::new(v[0] * hgt, v[1] * hgt, v[2] * hgt);

        // Spine: vertebra vectors from heights and neutral inclinations.
        let incl = neutral_inclination_deg();
        let heights = vertebra_height_mm();
        let segment: [Vec3; VERTEBRA_COUNT] = std::array::from_fn(|j| {
            let len = heights[j] * 1e-3 * scale;
            let a = incl[j].to_radians();
            Vec3::new(0.0, len * a.cos(), len * a.sin())
        });
        let spine_up: Vec3 = segment.iter().fold(Vec3::ZERO, |acc, v| acc + *v);

        // Head: the vertex ends at the stature; the eyes halfway down the head.
        let head_vertex = frac(p::HEAD_VERTEX_H);
        let com_y = head_vertex.y - p::HEAD_COM_BELOW_VERTEX * p::HEAD_HEIGHT_H * hgt;

        // Pelvis: S1 above the hips at the pelvic tilt, its height set so the vertex is at `hgt`.
        let hip_height = p::TROCHANTER_HEIGHT_H * hgt;
        let s1_y = hgt - head_vertex.y - spine_up.y;
        let rise = s1_y - hip_height;
        let pt = p::PELVIC_TILT_DEG.to_radians();
        let s1_from_hips = Vec3::new(0.0, rise, -rise * pt.tan());

        // C7-T1 joint relative to C0-C1 (both in the neutral, world-aligned frame).
        let c7t1_from_c0: Vec3 = segment[..Level::C7T1.index()]
            .iter()
            .fold(Vec3::ZERO, |acc, v| acc + *v);
        // The head's centre of mass lies a little ahead of the occipital condyles.
        let head_com = Vec3::new(0.0, com_y, p::HEAD_COM_AHEAD_H * hgt);

        let ear_right = frac(p::HEAD_EAR_H);
        // Acromion: at shoulder height, in line with the ear (the textbook plumb line).
        let t1_centre_from_c0 = c7t1_from_c0 * -1.0 + segment[T1_VERTEBRA] * -0.5;
        let c0_y = s1_y + spine_up.y;
        let t1_y = c0_y + t1_centre_from_c0.y;
        let acromion_right = Vec3::new(
            0.5 * p::BIACROMIAL_H * hgt,
            p::SHOULDER_HEIGHT_H * hgt - t1_y,
            ear_right.z - t1_centre_from_c0.z,
        );

        // Masses.
        let m = mass_kg / 100.0;
        let trunk_ratio = p::TRUNK_PCT[s] / p::TRUNK_PCT[0];
        let [upper, middle, lower] = p::TRUNK_PARTS_MALE_PCT.map(|v| v * trunk_ratio * m);
        let mut vertebra_mass_kg = [0.0; VERTEBRA_COUNT];
        // Upper trunk on T1..T7, middle trunk on T8..L3, a share of the lower trunk on L4 and L5.
        for (j, vm) in vertebra_mass_kg.iter_mut().enumerate() {
            *vm = match j {
                7..=13 => upper / 7.0,
                14..=21 => middle / 8.0,
                22..=23 => lower * p::LOWER_TRUNK_ON_LUMBAR / 2.0,
                _ => 0.0,
            };
        }
        let pelvis_mass_kg = lower * (1.0 - p::LOWER_TRUNK_ON_LUMBAR);
        let head_mass_kg = p::HEAD_PCT[s] * m;
        let arm_mass_kg = p::ARM_PCT[s] * m;
        let thigh_mass_kg = p::THIGH_PCT[s] * m;
        let listed = p::HEAD_PCT[s] + p::TRUNK_PCT[s] + 2.0 * p::ARM_PCT[s] + 2.0 * p::THIGH_PCT[s];
        let shank_mass_kg = (100.0 - listed) / 2.0 * m;

        let ankle_height_m = p::ANKLE_HEIGHT_H * hgt;
        let leg_height_m = hip_height - ankle_height_m;
        let thigh_length_m = (p::TROCHANTER_HEIGHT_H - p::KNEE_HEIGHT_H) * hgt;

        let range_rad: [[f64; 3]; LEVEL_COUNT] = std::array::from_fn(|i| {
            let r = p::ROM_DEG[i];
            [
                (0.5 * r[0]).to_radians(),
                r[1].to_radians(),
                r[2].to_radians(),
            ]
        });

        let profile_mean = p::CERVICAL_COUPLING_PROFILE.iter().sum::<f64>()
            / p::CERVICAL_COUPLING_PROFILE.len() as f64;
        let coupling_per_level: [f64; LEVEL_COUNT] =
            std::array::from_fn(|i| match Level::ALL[i].region() {
                Region::UpperCervical => 0.0,
                Region::LowerCervical => {
                    coupling.cervical * p::CERVICAL_COUPLING_PROFILE[i - Level::C2C3.index()]
                        / profile_mean
                }
                Region::Thoracic => coupling.thoracic,
                Region::Lumbar => coupling.lumbar,
            });

        Body {
            stature_m: hgt,
            mass_kg,
            segment,
            s1_from_hips,
            head_vertex,
            head_com,
            eye_right: frac(p::HEAD_EYE_H),
            ear_right,
            acromion_right,
            crest_right: Vec3::new(0.5 * p::HIP_WIDTH_H * hgt, p::CREST_ABOVE_HIPS_H * hgt, 0.0),
            c7_spinous: Vec3::new(0.0, 0.0, -p::C7_SPINOUS_BEHIND_H * hgt),
            s1_posterior_corner: {
                let ss = p::SACRAL_SLOPE_DEG.to_radians();
                let d = p::S1_HALF_DEPTH_H * hgt;
                Vec3::new(0.0, d * ss.sin(), -d * ss.cos())
            },
            head_mass_kg,
            vertebra_mass_kg,
            trunk_mass_offset: Vec3::new(0.0, 0.0, p::TRUNK_MASS_ANTERIOR_H * hgt),
            arm_mass_kg,
            pelvis_mass_kg,
            pelvis_com: Vec3::new(0.0, 0.5 * rise, 0.0),
            thigh_mass_kg,
            shank_mass_kg,
            hip_spacing_m: p::HIP_CENTRE_SPACING_H * hgt,
            ankle_height_m,
            leg_height_m,
            thigh_length_m,
            shank_length_m: leg_height_m - thigh_length_m,
            foot_length_m: p::FOOT_LENGTH_H * hgt,
            range_rad,
            coupling: coupling_per_level,
            extensor_arm_m: std::array::from_fn(|i| {
                hgt * match Level::ALL[i].region() {
                    Region::UpperCervical | Region::LowerCervical => p::NECK_EXTENSOR_ARM_H,
                    Region::Thoracic => p::THORACIC_EXTENSOR_ARM_H,
                    Region::Lumbar => p::LUMBAR_EXTENSOR_ARM_H,
                }
            }),
            extensor_lateral_factor: p::EXTENSOR_LATERAL_OVER_POSTERIOR,
            sacral_normal: {
                let ss = p::SACRAL_SLOPE_DEG.to_radians();
                Vec3::new(0.0, ss.cos(), ss.sin())
            },
            neck_extensor_arm_m: p::NECK_EXTENSOR_ARM_H * hgt,
            leg_absorption_range_m: p::LEG_ABSORPTION_RANGE_H * hgt,
            pelvis_level_range_rad: p::PELVIS_LEVEL_RANGE_DEG.to_radians(),
            pelvis_yaw_range_rad: p::PELVIS_YAW_RANGE_DEG.to_radians(),
            pelvis_tilt_range_rad: p::PELVIC_TILT_RANGE_DEG.to_radians(),
            pelvis_shift_range_m: p::PELVIS_SHIFT_RANGE_H * hgt,
            balance_range_m: p::BALANCE_RANGE_H * hgt,
            girdle_range_rad: p::GIRDLE_RANGE_DEG.to_radians(),
            shoulder_level_range_m: p::SHOULDER_LEVEL_RANGE_H * hgt,
        }
    }

    /// Total body mass carried by the chain and the legs (equals `mass_kg`).
    #[cfg(test)]
    pub fn total_mass_kg(&self) -> f64 {
        self.head_mass_kg
            + self.vertebra_mass_kg.iter().sum::<f64>()
            + 2.0 * self.arm_mass_kg
            + self.pelvis_mass_kg
            + 2.0 * (self.thigh_mass_kg + self.shank_mass_kg)
    }

    /// Mass above each joint, head to sacrum (kg).
    pub fn mass_above_kg(&self) -> [f64; LEVEL_COUNT] {
        let mut above = [0.0; LEVEL_COUNT];
        let mut acc = self.head_mass_kg;
        for (i, a) in above.iter_mut().enumerate() {
            if i >= 1 {
                acc += self.vertebra_mass_kg[i - 1];
                if i - 1 == T1_VERTEBRA {
                    acc += 2.0 * self.arm_mass_kg;
                }
            }
            *a = acc;
        }
        above
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_body() -> Body {
        Body::new(1.75, 75.0, Sex::Male, Coupling::default())
    }

    #[test]
    fn masses_add_up_to_the_body() {
        for sex in [Sex::Male, Sex::Female] {
            let b = Body::new(1.6, 60.0, sex, Coupling::default());
            assert!((b.total_mass_kg() - 60.0).abs() < 1e-9);
        }
    }

    #[test]
    fn mass_above_key_levels_is_near_winter() {
        // Winter 2009 (derived): about 8.1% above C7/T1, 40% above T12/L1, 54% above L5/S1.
        let b = default_body();
        let above = b.mass_above_kg();
        let pct = |l: Level| above[l.index()] / b.mass_kg * 100.0;
        assert!((pct(Level::C7T1) - 8.1).abs() < 2.0);
        assert!((pct(Level::T12L1) - 40.0).abs() < 5.0);
        assert!((pct(Level::L5S1) - 54.0).abs() < 3.0);
    }

    #[test]
    fn neutral_curves_match_their_sources() {
        let incl = neutral_inclination_deg();
        // Lumbar lordosis T12-S1: from the sacral endplate to T12.
        let lordosis = p::SACRAL_SLOPE_DEG - incl[Level::T12L1.index() - 1];
        assert!((lordosis - p::LUMBAR_LORDOSIS_DEG).abs() < 1e-9);
        // Cervical lordosis C2-C7.
        let cervical = incl[6] - incl[1];
        assert!((cervical - p::CERVICAL_LORDOSIS_DEG).abs() < 1e-9);
    }

    #[test]
    fn geometry_is_plausible() {
        let b = default_body();
        let rise = b.s1_from_hips.y;
        assert!((0.06..0.13).contains(&rise), "S1 {rise} m above the hips");
        // The head's centre of mass lies a little ahead of the occipital condyles.
        assert!(
            (0.0..0.04).contains(&b.head_com.z),
            "head com z {}",
            b.head_com.z
        );
        let regions: f64 = vertebra_height_mm().iter().sum();
        assert!((regions - 580.0).abs() < 1e-9);
        assert!(b.extensor_arm_m.iter().all(|a| (0.01..0.08).contains(a)));
    }
}

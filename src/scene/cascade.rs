//! The cascade animation: a new posture travels from where its cause is. A change at the head
//! reaches the head first, then the shoulders, thoracic and lumbar spine and the pelvis; a change
//! at the feet (a leg-length difference) travels the other way. Each region is eased, all of it
//! takes under a second, and it can be interrupted.

use super::pose::{Pose, StepWeights, STEPS};
use crate::model::{Input, Scenario};

/// Delay between one region starting and the next, in milliseconds.
pub const STAGGER_MS: f64 = 110.0;
/// How long one region takes to move, in milliseconds.
pub const REGION_MS: f64 = 440.0;
/// The longest a whole cascade takes from rest.
pub const CASCADE_MS: f64 = STAGGER_MS * (STEPS as f64 - 1.0) + REGION_MS;

/// Where a change starts, and so which end of the body the cascade sets off from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Origin {
    /// At the head (a tilt, a turn, a forward head): head first, pelvis last.
    #[default]
    Top,
    /// At the feet (a leg-length difference): pelvis and legs first, head last.
    Bottom,
}

impl Origin {
    /// Where the change from `before` to `after` starts: at the feet when the leg-length
    /// difference is the only input that changed, at the head otherwise.
    pub fn of_change(before: &Scenario, after: &Scenario) -> Origin {
        let changed = |i: Input| i.get(before) != i.get(after);
        let others = Input::ALL
            .into_iter()
            .any(|i| i != Input::LegLengthDiff && changed(i));
        if changed(Input::LegLengthDiff) && !others && before.sex == after.sex {
            Origin::Bottom
        } else {
            Origin::Top
        }
    }
}

/// How a region eases towards its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ease {
    /// From rest: slow start, slow finish.
    InOut,
    /// Redirected while moving: sets off at once, slow finish.
    Out,
}

impl Ease {
    fn at(self, t: f64) -> f64 {
        let t = t.clamp(0.0, 1.0);
        match self {
            Ease::InOut if t < 0.5 => 4.0 * t * t * t,
            Ease::InOut => 1.0 - (-2.0 * t + 2.0).powi(3) / 2.0,
            Ease::Out => 1.0 - (1.0 - t).powi(3),
        }
    }
}

/// Animates a [`Pose`] towards a target, region by region. Pure: time comes in as milliseconds.
///
/// ```
/// use posture_chain::{solve, Cascade, Pose, Scenario, CASCADE_MS};
/// let upright = Pose::of(&solve(&Scenario::default()));
/// let tilted = Pose::of(&solve(&Scenario { head_tilt_deg: 10.0, ..Scenario::default() }));
/// let mut cascade = Cascade::new(&upright);
/// cascade.retarget(&tilted, 0.0);
/// assert!(cascade.step(100.0), "still moving");
/// assert!(cascade.step(CASCADE_MS), "the arriving step: the end is drawn");
/// assert_eq!(cascade.current(), &tilted);
/// assert!(!cascade.step(CASCADE_MS + 16.0), "settled in under a second");
/// ```
#[derive(Clone, Debug)]
pub struct Cascade {
    from: Pose,
    to: Pose,
    current: Pose,
    start_ms: [f64; STEPS],
    ease: [Ease; STEPS],
    now_ms: f64,
}

impl Cascade {
    /// At rest at `pose`.
    pub fn new(pose: &Pose) -> Self {
        Cascade {
            from: *pose,
            to: *pose,
            current: *pose,
            start_ms: [f64::NEG_INFINITY; STEPS],
            ease: [Ease::InOut; STEPS],
            now_ms: 0.0,
        }
    }

    /// The pose as last stepped.
    pub fn current(&self) -> &Pose {
        &self.current
    }

    /// The pose being moved towards.
    pub fn target(&self) -> &Pose {
        &self.to
    }

    /// Progress of each region, 0..=1 (eased).
    pub fn weights(&self) -> StepWeights {
        let mut w = [1.0; STEPS];
        for (k, wk) in w.iter_mut().enumerate() {
            *wk = self.ease[k].at((self.now_ms - self.start_ms[k]) / REGION_MS);
        }
        w
    }

    /// True once every region has reached the target.
    pub fn is_settled(&self) -> bool {
        self.start_ms.iter().all(|&s| self.now_ms - s >= REGION_MS)
    }

    /// Sets a new target at `now_ms`, head first: [`Cascade::retarget_from`] with [`Origin::Top`].
    pub fn retarget(&mut self, to: &Pose, now_ms: f64) {
        self.retarget_from(to, now_ms, Origin::Top);
    }

    /// Sets a new target at `now_ms`. Regions at rest set off one after another from `origin`'s
    /// end of the body; regions already moving or waiting carry on from where they are, without a
    /// jump.
    pub fn retarget_from(&mut self, to: &Pose, now_ms: f64, origin: Origin) {
        self.step(now_ms);
        let now = self.now_ms;
        let mut delay_steps = 0.0;
        for i in 0..STEPS {
            let k = match origin {
                Origin::Top => i,
                Origin::Bottom => STEPS - 1 - i,
            };
            let elapsed = now - self.start_ms[k];
            if elapsed >= REGION_MS {
                self.start_ms[k] = now + delay_steps * STAGGER_MS;
                self.ease[k] = Ease::InOut;
                delay_steps += 1.0;
            } else if elapsed > 0.0 {
                self.start_ms[k] = now;
                self.ease[k] = Ease::Out;
                delay_steps = delay_steps.max(1.0);
            } else {
                // Still waiting for its turn: keep the turn, it starts from where it is.
                delay_steps = ((self.start_ms[k] - now) / STAGGER_MS + 1.0).max(delay_steps);
            }
        }
        self.from = self.current;
        self.to = *to;
    }

    /// Moves straight to `to` (reduced motion, or a reset).
    pub fn jump(&mut self, to: &Pose) {
        self.from = *to;
        self.to = *to;
        self.current = *to;
        self.start_ms = [f64::NEG_INFINITY; STEPS];
    }

    /// Advances the clock to `now_ms` (never backwards) and updates the current pose. Returns
    /// true while something still moves, and on the step that arrives (so that the final pose is
    /// drawn however late the last frame before it came).
    pub fn step(&mut self, now_ms: f64) -> bool {
        if now_ms.is_finite() && now_ms > self.now_ms {
            self.now_ms = now_ms;
        }
        if self.is_settled() {
            let arrived = self.current != self.to;
            self.current = self.to;
            return arrived;
        }
        self.current = Pose::mix(&self.from, &self.to, &self.weights());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eases_start_and_end_where_they_should() {
        for e in [Ease::InOut, Ease::Out] {
            assert_eq!(e.at(0.0), 0.0);
            assert_eq!(e.at(1.0), 1.0);
            assert_eq!(e.at(2.0), 1.0);
            assert!(e.at(0.5) > 0.0 && e.at(0.5) < 1.0);
        }
        assert!(
            Ease::Out.at(0.1) > Ease::InOut.at(0.1),
            "redirects set off at once"
        );
    }

    #[test]
    fn head_moves_before_pelvis_and_all_settle_within_a_second() {
        const { assert!(CASCADE_MS < 1000.0) };
        let (a, b) = (Pose::for_tilt(0.0), Pose::for_tilt(15.0));
        let mut c = Cascade::new(&a);
        c.retarget(&b, 1000.0);
        assert!(c.step(1000.0 + STAGGER_MS));
        let w = c.weights();
        assert!(w[0] > 0.0 && w[4] == 0.0, "{w:?}");
        assert!(w.windows(2).all(|p| p[0] >= p[1]), "top leads: {w:?}");
        // The arriving step draws the end; after it nothing moves.
        assert!(c.step(1000.0 + CASCADE_MS));
        assert!(!c.step(1000.0 + CASCADE_MS + 16.0));
        assert!(c.is_settled());
        assert_eq!(c.current(), &b);
    }

    #[test]
    fn a_change_starts_where_its_input_is() {
        let s = Scenario::default();
        let leg = Scenario {
            anatomic_leg_length_diff_mm: 10.0,
            ..s
        };
        let both = Scenario {
            head_tilt_deg: 5.0,
            ..leg
        };
        assert_eq!(Origin::of_change(&s, &leg), Origin::Bottom);
        assert_eq!(Origin::of_change(&leg, &s), Origin::Bottom);
        assert_eq!(Origin::of_change(&s, &both), Origin::Top);
        assert_eq!(Origin::of_change(&leg, &both), Origin::Top);
        assert_eq!(Origin::of_change(&s, &s), Origin::Top);
    }

    #[test]
    fn a_change_at_the_feet_travels_up_from_the_pelvis() {
        let a = Pose::for_tilt(0.0);
        let b = Pose::of(&crate::model::solve(&crate::model::Scenario {
            anatomic_leg_length_diff_mm: 20.0,
            ..crate::model::Scenario::default()
        }));
        let mut c = Cascade::new(&a);
        c.retarget_from(&b, 1000.0, Origin::Bottom);
        assert!(c.step(1000.0 + STAGGER_MS));
        let w = c.weights();
        assert!(w[4] > 0.0 && w[0] == 0.0, "{w:?}");
        assert!(w.windows(2).all(|p| p[0] <= p[1]), "bottom leads: {w:?}");
        // The arriving step draws the end; after it nothing moves.
        assert!(c.step(1000.0 + CASCADE_MS));
        assert!(!c.step(1000.0 + CASCADE_MS + 16.0));
        assert_eq!(c.current(), &b);
    }

    #[test]
    fn interrupting_mid_way_does_not_jump() {
        let (a, b, c_pose) = (
            Pose::for_tilt(0.0),
            Pose::for_tilt(15.0),
            Pose::for_tilt(-15.0),
        );
        let mut c = Cascade::new(&a);
        c.retarget(&b, 0.0);
        c.step(300.0);
        let before = *c.current();
        c.retarget(&c_pose, 300.0);
        assert_eq!(c.current(), &before, "continues from where the body is");
        c.step(316.0);
        let head_moved = (c.current().landmarks.head_top.x - before.landmarks.head_top.x).abs();
        assert!(head_moved > 0.0, "a moving head sets off at once");
        c.step(300.0 + CASCADE_MS);
        assert_eq!(c.current(), &c_pose);
    }

    #[test]
    fn the_step_that_arrives_says_so_once() {
        let (a, b) = (Pose::for_tilt(0.0), Pose::for_tilt(10.0));
        let mut c = Cascade::new(&a);
        c.retarget(&b, 0.0);
        assert!(c.step(REGION_MS * 0.5));
        assert_ne!(c.current(), &b);
        // The next frame comes only after everything has settled: it must still be drawn.
        assert!(c.step(10_000.0), "the arriving step reports a change");
        assert_eq!(c.current(), &b);
        assert!(!c.step(10_016.0));
    }

    #[test]
    fn jump_and_backward_time_are_safe() {
        let (a, b) = (Pose::for_tilt(0.0), Pose::for_tilt(10.0));
        let mut c = Cascade::new(&a);
        c.retarget(&b, 500.0);
        c.step(100.0);
        c.step(f64::NAN);
        assert!(c.current().landmarks.head_top.x.is_finite());
        c.jump(&b);
        assert!(c.is_settled());
        assert!(!c.step(501.0));
        assert_eq!(c.current(), &b);
    }
}
